import type { GraphNode, SupplyChainGraph } from "../api";
import { type ColorBy, colorOf, OWN_COLOR, paletteFor } from "../palette";
import { buildGrid, type GridIndex } from "./gridIndex";

/** The graph in flat arrays, ready for drawing and hit-testing thousands of nodes. */
export interface GraphModel {
  nodes: GraphNode[];
  index: Map<string, number>;
  xs: Float64Array;
  ys: Float64Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  /** Edge indices touching each node (to highlight a node's links). */
  incident: number[][];
  bounds: { x0: number; y0: number; x1: number; y1: number };
  /** Typical distance between neighbouring nodes (world units): sizes markers and grid cells. */
  spacing: number;
  tiers: { tier: number; x: number; count: number }[];
  grid: GridIndex;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Flatten the API graph. Nodes the layout misses go at the bottom of their tier's column. */
export function buildGraphModel(graph: SupplyChainGraph): GraphModel {
  const nodes = graph.nodes;
  const n = nodes.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const index = new Map<string, number>();
  const byTier = new Map<number, number[]>();
  const missing: number[] = [];
  nodes.forEach((node, i) => {
    index.set(node.id, i);
    const p = graph.layout[node.id];
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) {
      xs[i] = p.x;
      ys[i] = p.y;
      const list = byTier.get(node.tier);
      if (list) list.push(i);
      else byTier.set(node.tier, [i]);
    } else missing.push(i);
  });

  // Typical gap between nodes stacked in one tier column.
  const gaps: number[] = [];
  for (const list of byTier.values()) {
    const col = list.map((i) => ys[i]!).sort((a, b) => a - b);
    for (let j = 1; j < col.length; j++) if (col[j]! > col[j - 1]!) gaps.push(col[j]! - col[j - 1]!);
  }
  const tierXs = [...byTier.entries()]
    .map(([tier, list]) => ({ tier, x: median(list.map((i) => xs[i]!)) }))
    .sort((a, b) => a.tier - b.tier);
  const tierGap = median(tierXs.map((a, j) => (j > 0 ? Math.abs(a.x - tierXs[j - 1]!.x) : 0)).filter((d) => d > 0));
  const spacing = median(gaps) || tierGap / 4 || 40;

  let maxY = 0;
  const placed = new Uint8Array(n).fill(1);
  for (const i of missing) placed[i] = 0;
  for (let i = 0; i < n; i++) if (placed[i]) maxY = Math.max(maxY, ys[i]!);
  for (const i of missing) {
    const tier = nodes[i]!.tier;
    xs[i] = tierXs.find((t) => t.tier === tier)?.x ?? tier * (tierGap || spacing * 6);
    maxY += spacing;
    ys[i] = maxY;
    const list = byTier.get(tier);
    if (list) list.push(i);
    else byTier.set(tier, [i]);
  }

  const from: number[] = [];
  const to: number[] = [];
  const incident: number[][] = nodes.map(() => []);
  for (const e of graph.edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    const k = from.length;
    from.push(a);
    to.push(b);
    incident[a]!.push(k);
    incident[b]!.push(k);
  }

  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, xs[i]!);
    y0 = Math.min(y0, ys[i]!);
    x1 = Math.max(x1, xs[i]!);
    y1 = Math.max(y1, ys[i]!);
  }
  if (n === 0) [x0, y0, x1, y1] = [0, 0, 1, 1];

  const tiers = [...byTier.entries()]
    .map(([tier, list]) => ({ tier, x: median(list.map((i) => xs[i]!)), count: list.length }))
    .sort((a, b) => a.tier - b.tier);

  return {
    nodes,
    index,
    xs,
    ys,
    edgeFrom: Int32Array.from(from),
    edgeTo: Int32Array.from(to),
    incident,
    bounds: { x0, y0, x1, y1 },
    spacing,
    tiers,
    grid: buildGrid(xs, ys, spacing * 2),
  };
}

/** Per color: the nodes to fill and the edges to stroke, so each color is one canvas path. */
export interface ColorGroups {
  nodeColor: string[];
  nodes: Map<string, number[]>;
  edges: Map<string, number[]>;
}

/** The value a node is colored by. */
export function nodeValue(node: GraphNode, by: ColorBy): string | null {
  return by === "risk" ? node.risk : by === "certified" ? node.certified : node.status;
}

/** Group nodes and edges by color; an edge takes the color of its farther-upstream end (the higher tier). */
export function colorGroups(model: GraphModel, by: ColorBy): ColorGroups {
  const palette = paletteFor(by);
  const nodeColor = model.nodes.map((node) => (node.tier === 0 ? OWN_COLOR : colorOf(palette, nodeValue(node, by))));
  const nodes = new Map<string, number[]>();
  nodeColor.forEach((c, i) => {
    const list = nodes.get(c);
    if (list) list.push(i);
    else nodes.set(c, [i]);
  });
  const edges = new Map<string, number[]>();
  for (let k = 0; k < model.edgeFrom.length; k++) {
    const a = model.edgeFrom[k]!;
    const b = model.edgeTo[k]!;
    const up = model.nodes[a]!.tier >= model.nodes[b]!.tier ? a : b;
    const c = nodeColor[up]!;
    const list = edges.get(c);
    if (list) list.push(k);
    else edges.set(c, [k]);
  }
  return { nodeColor, nodes, edges };
}
