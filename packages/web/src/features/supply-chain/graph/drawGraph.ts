import type { ColorGroups, GraphModel } from "./graphModel";

/** screen = world × k + (x, y), in CSS pixels. */
export interface GraphView {
  k: number;
  x: number;
  y: number;
}

export interface DrawState {
  width: number;
  height: number;
  dpr: number;
  view: GraphView;
  groups: ColorGroups;
  hovered: number;
  selected: number;
  tierLabel: (tier: number) => string;
  dark: boolean;
}

/** Marker radius in pixels: grows with zoom, never vanishes nor swamps its neighbours. */
export function markerRadius(model: GraphModel, k: number): number {
  return Math.min(14, Math.max(1.5, model.spacing * k * 0.32));
}

const LABEL_MIN_RADIUS = 5;

/** An S-curve between tier columns; within one column (a supplier in the same tier) a bow to the right. */
function curve(ctx: CanvasRenderingContext2D, ax: number, ay: number, bx: number, by: number) {
  ctx.moveTo(ax, ay);
  if (Math.abs(ax - bx) < 1) {
    const bow = Math.min(80, Math.abs(ay - by) * 0.35 + 12);
    ctx.bezierCurveTo(ax + bow, ay, bx + bow, by, bx, by);
    return;
  }
  const mx = (ax + bx) / 2;
  ctx.bezierCurveTo(mx, ay, mx, by, bx, by);
}
const MAX_LABELS = 600;
const HEADER = 26;

/**
 * Draw one frame. Everything is projected by hand (not with ctx.scale) so line widths and text stay in
 * pixels; nodes and edges outside the viewport are skipped, and each color is a single path, so a
 * 5,000-node frame is a few dozen fill/stroke calls.
 */
export function drawGraph(ctx: CanvasRenderingContext2D, model: GraphModel, s: DrawState): void {
  const { width, height, dpr, view, groups } = s;
  const { k, x: tx, y: ty } = view;
  const { xs, ys, edgeFrom, edgeTo } = model;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const r = markerRadius(model, k);
  const margin = r + 2;
  const sx = (i: number) => xs[i]! * k + tx;
  const sy = (i: number) => ys[i]! * k + ty;
  const visible = (px: number, py: number) => px > -margin && px < width + margin && py > -margin && py < height + margin;

  // Edges: one stroke per color; a segment is skipped when both ends lie beyond the same side of the screen.
  ctx.lineWidth = 1;
  ctx.globalAlpha = s.hovered >= 0 || s.selected >= 0 ? 0.18 : 0.45;
  for (const [color, list] of groups.edges) {
    ctx.beginPath();
    for (const e of list) {
      const ax = sx(edgeFrom[e]!);
      const ay = sy(edgeFrom[e]!);
      const bx = sx(edgeTo[e]!);
      const by = sy(edgeTo[e]!);
      if ((ax < 0 && bx < 0) || (ax > width + 80 && bx > width + 80) || (ay < 0 && by < 0) || (ay > height && by > height)) continue;
      curve(ctx, ax, ay, bx, by);
    }
    ctx.strokeStyle = color;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;

  // The hovered and selected nodes' own links, on top and darker.
  for (const focus of [s.selected, s.hovered]) {
    if (focus < 0) continue;
    ctx.beginPath();
    for (const e of model.incident[focus] ?? []) {
      const ax = sx(edgeFrom[e]!);
      const ay = sy(edgeFrom[e]!);
      const bx = sx(edgeTo[e]!);
      const by = sy(edgeTo[e]!);
      curve(ctx, ax, ay, bx, by);
    }
    ctx.lineWidth = 2;
    ctx.strokeStyle = s.dark ? "#ffd43b" : "#1c2b6b";
    ctx.stroke();
  }

  // Nodes: one fill per color; tiny markers are squares (cheaper than arcs and indistinguishable at 3 px).
  const labels: number[] = [];
  for (const [color, list] of groups.nodes) {
    ctx.beginPath();
    for (const i of list) {
      const px = sx(i);
      const py = sy(i);
      if (!visible(px, py)) continue;
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

  ctx.font = "11px system-ui, sans-serif";
  ctx.textBaseline = "middle";
  ctx.fillStyle = s.dark ? "#c1c2c5" : "#212529";
  for (const i of labels) ctx.fillText(model.nodes[i]!.label, sx(i) + r + 3, sy(i), 180);
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
    const px = tier.x * k + tx;
    if (px < -80 || px > width + 80) continue;
    ctx.fillText(s.tierLabel(tier.tier), px, HEADER / 2, 160);
  }
  ctx.textAlign = "start";
}
