import type { ColorGroups, GraphModel } from "./graphModel";

/** screen x = world x × kx + x, screen y = world y × ky + y, in CSS pixels (the axes zoom separately). */
export interface GraphView {
  kx: number;
  ky: number;
  x: number;
  y: number;
}

export interface SceneState {
  width: number;
  height: number;
  dpr: number;
  view: GraphView;
  groups: ColorGroups;
  dark: boolean;
}

export interface OverlayState extends SceneState {
  hovered: number;
  selected: number;
  tierLabel: (tier: number) => string;
}

/** Marker radius in pixels: about a third of the gap between rows, never vanishing nor swamping its neighbours. */
export function markerRadius(model: GraphModel, ky: number): number {
  return Math.min(14, Math.max(1.5, model.spacing * ky * 0.32));
}

const LABEL_MIN_RADIUS = 5;
const MAX_LABELS = 600;
const HEADER = 26;
/** Above this many edges they are drawn straight: curves cost about twice as much to rasterize. */
const CURVE_LIMIT = 3000;

/** An S-curve between tier columns; within one column (a supplier in the same tier) a bow to the right. */
function curve(ctx: CanvasRenderingContext2D, ax: number, ay: number, bx: number, by: number, straight: boolean) {
  ctx.moveTo(ax, ay);
  if (Math.abs(ax - bx) < 1) {
    const bow = Math.min(80, Math.abs(ay - by) * 0.35 + 12);
    ctx.bezierCurveTo(ax + bow, ay, bx + bow, by, bx, by);
  } else if (straight) {
    ctx.lineTo(bx, by);
  } else {
    const mx = (ax + bx) / 2;
    ctx.bezierCurveTo(mx, ay, mx, by, bx, by);
  }
}

/**
 * The static scene: edges, nodes and (zoomed in) labels. Everything is projected by hand (not with ctx.scale)
 * so line widths and text stay in pixels; what lies off screen is skipped, and each color is a single path,
 * so 5,000 nodes are a few dozen fill/stroke calls. The canvas component caches this layer as a bitmap and
 * only moves that bitmap while the user pans or zooms.
 */
export function drawScene(ctx: CanvasRenderingContext2D, model: GraphModel, s: SceneState): void {
  const { width, height, dpr, view, groups } = s;
  const { kx, ky, x: tx, y: ty } = view;
  const { xs, ys, edgeFrom, edgeTo } = model;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const r = markerRadius(model, ky);
  const margin = r + 2;
  const straight = edgeFrom.length > CURVE_LIMIT;

  ctx.lineWidth = 1;
  ctx.globalAlpha = 0.4;
  for (const [color, list] of groups.edges) {
    ctx.beginPath();
    for (const e of list) {
      const a = edgeFrom[e]!;
      const b = edgeTo[e]!;
      const ax = xs[a]! * kx + tx;
      const ay = ys[a]! * ky + ty;
      const bx = xs[b]! * kx + tx;
      const by = ys[b]! * ky + ty;
      // Skip a segment when both ends lie beyond the same side of the screen (same-tier bows reach 80 px right).
      if ((ax < 0 && bx < 0) || (ax > width + 80 && bx > width + 80) || (ay < 0 && by < 0) || (ay > height && by > height)) continue;
      curve(ctx, ax, ay, bx, by, straight);
    }
    ctx.strokeStyle = color;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;

  // Nodes: one fill per color; tiny markers are squares (cheaper than arcs and indistinguishable at 3 px).
  const labels: number[] = [];
  for (const [color, list] of groups.nodes) {
    ctx.beginPath();
    for (const i of list) {
      const px = xs[i]! * kx + tx;
      const py = ys[i]! * ky + ty;
      if (px < -margin || px > width + margin || py < -margin || py > height + margin) continue;
      if (r < 2.5) ctx.rect(px - r, py - r, 2 * r, 2 * r);
      else {
        ctx.moveTo(px + r, py);
        ctx.arc(px, py, r, 0, Math.PI * 2);
      }
      if (r >= LABEL_MIN_RADIUS && labels.length < MAX_LABELS) labels.push(i);
    }
    ctx.fillStyle = color;
    ctx.fill();
    if (r >= 4) {
      ctx.lineWidth = 1;
      ctx.strokeStyle = s.dark ? "#1a1b1e" : "#ffffff";
      ctx.stroke();
    }
  }

  ctx.font = "11px system-ui, sans-serif";
  ctx.textBaseline = "middle";
  ctx.fillStyle = s.dark ? "#c1c2c5" : "#212529";
  for (const i of labels) ctx.fillText(model.nodes[i]!.label, xs[i]! * kx + tx + r + 3, ys[i]! * ky + ty, 180);
}

/** What changes without the scene changing: the hovered and selected nodes with their links, and the tier headers. */
export function drawOverlay(ctx: CanvasRenderingContext2D, model: GraphModel, s: OverlayState): void {
  const { width, dpr, view } = s;
  const { kx, ky, x: tx, y: ty } = view;
  const { xs, ys, edgeFrom, edgeTo } = model;
  const sx = (i: number) => xs[i]! * kx + tx;
  const sy = (i: number) => ys[i]! * ky + ty;
  const r = markerRadius(model, ky);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

  for (const focus of [s.selected, s.hovered]) {
    if (focus < 0) continue;
    ctx.beginPath();
    for (const e of model.incident[focus] ?? []) curve(ctx, sx(edgeFrom[e]!), sy(edgeFrom[e]!), sx(edgeTo[e]!), sy(edgeTo[e]!), false);
    ctx.lineWidth = 2;
    ctx.strokeStyle = s.dark ? "#ffd43b" : "#1c2b6b";
    ctx.stroke();
  }
  for (const [focus, color] of [
    [s.selected, "#f59f00"],
    [s.hovered, s.dark ? "#ffffff" : "#000000"],
  ] as const) {
    if (focus < 0) continue;
    ctx.beginPath();
    ctx.arc(sx(focus), sy(focus), r + 3, 0, Math.PI * 2);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = color;
    ctx.stroke();
  }
  ctx.font = "600 11px system-ui, sans-serif";
  ctx.textBaseline = "middle";
  ctx.fillStyle = s.dark ? "#ffffff" : "#000000";
  for (const focus of [s.selected, s.hovered]) {
    if (focus >= 0 && r < LABEL_MIN_RADIUS) ctx.fillText(model.nodes[focus]!.label, sx(focus) + r + 5, sy(focus), 220);
  }

  // Tier headers stay pinned to the top edge while the graph pans underneath.
  ctx.fillStyle = s.dark ? "rgba(26,27,30,0.9)" : "rgba(255,255,255,0.9)";
  ctx.fillRect(0, 0, width, HEADER);
  ctx.font = "600 12px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.fillStyle = s.dark ? "#c1c2c5" : "#495057";
  for (const tier of model.tiers) {
    const px = tier.x * kx + tx;
    if (px < -80 || px > width + 80) continue;
    ctx.fillText(s.tierLabel(tier.tier), px, HEADER / 2, 160);
  }
  ctx.textAlign = "start";
}
