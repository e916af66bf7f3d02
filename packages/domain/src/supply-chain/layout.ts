/**
 * A layered ("Sugiyama-style") drawing of the tier graph: one column per tier, and inside each column an order
 * found by barycenter sweeps, which pulls every node towards the mean position of its neighbours in the column(s)
 * already placed and so removes most edge crossings. Each sweep costs O(E + V log V) for the barycenters and sorts
 * plus O(E log V) to count crossings; the best order seen is kept. No dependencies, typed arrays throughout.
 */

/** A node to place: `tier` 0 is the company, 1 its direct partners, 2 their suppliers… */
export interface TierNode {
  id: string;
  tier: number;
}

/** An edge between two node ids (direction does not matter for the drawing). */
export interface LayoutEdge {
  from: string;
  to: string;
}

export interface LayoutOptions {
  /** Down-and-up sweep pairs (default 4). */
  sweeps?: number;
  /** Distance between tier columns (default 240). */
  columnGap?: number;
  /** Distance between nodes in a column (default 48); columns are centred on y = 0. */
  rowGap?: number;
}

/** Positions by node id. */
export type TierLayout = Record<string, { x: number; y: number }>;

interface Prepared {
  ids: string[];
  tier: Int32Array;
  /** Undirected adjacency (CSR) over edges between different tiers. */
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Edge endpoints (u, v) with tier[u] < tier[v], for crossing counts. */
  edgeA: Int32Array;
  edgeB: Int32Array;
  /** Edge numbers grouped by their pair of tiers (crossings only happen inside a group). */
  groups: Int32Array[];
  /** Distinct tiers, ascending, and the nodes of each in their current order. */
  tiers: number[];
  columns: Int32Array[];
}

function prepare(nodes: readonly TierNode[], edges: readonly LayoutEdge[]): Prepared {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const tier = new Int32Array(nodes.length);
  for (const n of nodes) {
    if (index.has(n.id)) continue;
    tier[ids.length] = Math.trunc(n.tier);
    index.set(n.id, ids.length);
    ids.push(n.id);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (const e of edges) {
    const u = index.get(e.from);
    const v = index.get(e.to);
    // Edges inside one column say nothing about the order across columns.
    if (u === undefined || v === undefined || tier[u] === tier[v]) continue;
    const down = (tier[u] as number) < (tier[v] as number);
    a.push(down ? u : v);
    b.push(down ? v : u);
  }
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < a.length; k++) {
    offsets[(a[k] as number) + 1] = (offsets[(a[k] as number) + 1] as number) + 1;
    offsets[(b[k] as number) + 1] = (offsets[(b[k] as number) + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(a.length * 2);
  const put = (from: number, to: number) => {
    const at = fill[from] as number;
    neighbours[at] = to;
    fill[from] = at + 1;
  };
  for (let k = 0; k < a.length; k++) {
    put(a[k] as number, b[k] as number);
    put(b[k] as number, a[k] as number);
  }
  const tiers = [...new Set(tier.slice(0, n))].sort((x, y) => x - y);
  const rankOfTier = new Map(tiers.map((t, i) => [t, i]));
  const sizes = new Int32Array(tiers.length);
  for (let i = 0; i < n; i++) {
    const c = rankOfTier.get(tier[i] as number) as number;
    sizes[c] = (sizes[c] as number) + 1;
  }
  const columns = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(tiers.length);
  for (let i = 0; i < n; i++) {
    const c = rankOfTier.get(tier[i] as number) as number;
    (columns[c] as Int32Array)[filled[c] as number] = i;
    filled[c] = (filled[c] as number) + 1;
  }
  const byPair = new Map<string, number[]>();
  for (let k = 0; k < a.length; k++) {
    const pair = `${tier[a[k] as number]}>${tier[b[k] as number]}`;
    const g = byPair.get(pair);
    if (g) g.push(k);
    else byPair.set(pair, [k]);
  }
  const groups = [...byPair.values()].map((g) => Int32Array.from(g));
  return { ids, tier, offsets, neighbours, edgeA: Int32Array.from(a), edgeB: Int32Array.from(b), groups, tiers, columns };
}

/** Rank inside the column, and the same as a fraction (so columns of different sizes compare). */
function positions(p: Prepared, rank: Int32Array, pos: Float64Array): void {
  for (const column of p.columns) {
    const size = column.length;
    for (let r = 0; r < size; r++) {
      const u = column[r] as number;
      rank[u] = r;
      pos[u] = (r + 0.5) / size;
    }
  }
}

/** Reorder one column by the mean position of each node's neighbours on one side (nodes without keep theirs). */
function reorder(p: Prepared, c: number, pos: Float64Array, key: Float64Array, below: boolean): void {
  const column = p.columns[c] as Int32Array;
  const t = p.tiers[c] as number;
  for (const u of column) {
    let sum = 0;
    let count = 0;
    for (let k = p.offsets[u] as number; k < (p.offsets[u + 1] as number); k++) {
      const v = p.neighbours[k] as number;
      if (below ? (p.tier[v] as number) < t : (p.tier[v] as number) > t) {
        sum += pos[v] as number;
        count++;
      }
    }
    key[u] = count > 0 ? sum / count : (pos[u] as number);
  }
  const order = Array.from(column);
  // Ties keep the current order, so repeated sweeps settle instead of oscillating.
  order.sort((x, y) => (key[x] as number) - (key[y] as number) || (pos[x] as number) - (pos[y] as number));
  column.set(order);
  const size = column.length;
  for (let r = 0; r < size; r++) pos[column[r] as number] = (r + 0.5) / size;
}

/**
 * Edge crossings of the current order: two edges between the same pair of tiers cross when their ends are in
 * opposite orders. Counted per tier pair by sorting and a Fenwick tree, O(E log V).
 */
function crossings(p: Prepared, rank: Int32Array): number {
  let total = 0;
  for (const group of p.groups) {
    const g = group.slice();
    g.sort(
      (x, y) =>
        (rank[p.edgeA[x] as number] as number) - (rank[p.edgeA[y] as number] as number) ||
        (rank[p.edgeB[x] as number] as number) - (rank[p.edgeB[y] as number] as number),
    );
    let maxB = 0;
    for (const k of g) maxB = Math.max(maxB, rank[p.edgeB[k] as number] as number);
    const tree = new Int32Array(maxB + 2);
    let seen = 0;
    for (const k of g) {
      const b = (rank[p.edgeB[k] as number] as number) + 1;
      // Earlier edges (smaller first end) whose second end is strictly after this one cross it.
      let atMost = 0;
      for (let i = b; i > 0; i -= i & -i) atMost += tree[i] as number;
      total += seen - atMost;
      for (let i = b; i < tree.length; i += i & -i) tree[i] = (tree[i] as number) + 1;
      seen++;
    }
  }
  return total;
}

function snapshot(p: Prepared): Int32Array[] {
  return p.columns.map((c) => c.slice());
}

/**
 * Place a tier graph: x from the tier, y from the order inside the tier's column. Nodes keep their input order
 * until a sweep improves it; with no edges the input order is kept. Unknown edge ends are ignored.
 */
export function layoutTiers(nodes: readonly TierNode[], edges: readonly LayoutEdge[], options: LayoutOptions = {}): TierLayout {
  const sweeps = options.sweeps ?? 4;
  const columnGap = options.columnGap ?? 240;
  const rowGap = options.rowGap ?? 48;
  const p = prepare(nodes, edges);
  const n = p.ids.length;
  const rank = new Int32Array(n);
  const pos = new Float64Array(n);
  const key = new Float64Array(n);
  positions(p, rank, pos);
  let best = snapshot(p);
  let fewest = crossings(p, rank);
  for (let s = 0; s < sweeps && fewest > 0; s++) {
    for (const below of [true, false]) {
      const cols = p.columns.length;
      for (let step = 1; step < cols; step++) reorder(p, below ? step : cols - 1 - step, pos, key, below);
      positions(p, rank, pos);
      const count = crossings(p, rank);
      if (count < fewest) {
        fewest = count;
        best = snapshot(p);
      }
    }
  }
  // No prototype: an id such as "__proto__" is just a key.
  const out: TierLayout = Object.create(null);
  best.forEach((column, c) => {
    const x = (p.tiers[c] as number) * columnGap;
    const middle = (column.length - 1) / 2;
    column.forEach((u, r) => {
      out[p.ids[u] as string] = { x, y: (r - middle) * rowGap };
    });
  });
  return out;
}

/** Crossings of a finished layout (edges between different tiers, ordered by y), for tests and benchmarks. */
export function countCrossings(nodes: readonly TierNode[], edges: readonly LayoutEdge[], layout: TierLayout): number {
  const p = prepare(nodes, edges);
  const rank = new Int32Array(p.ids.length);
  for (const column of p.columns) {
    const sorted = Array.from(column).sort((x, y) => (layout[p.ids[x] as string]?.y ?? 0) - (layout[p.ids[y] as string]?.y ?? 0));
    sorted.forEach((u, r) => {
      rank[u] = r;
    });
  }
  return crossings(p, rank);
}
