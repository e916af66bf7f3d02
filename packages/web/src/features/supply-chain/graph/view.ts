import type { GraphView } from "./drawGraph";
import type { GraphModel } from "./graphModel";

/** How far each axis may zoom. */
export interface ZoomLimits {
  kxMin: number;
  kxMax: number;
  kyMin: number;
  kyMax: number;
}

const PAD_X = 60;
const PAD_TOP = 40;
const PAD_BOTTOM = 20;
/** Rows this far apart (px) show their labels (marker radius 5 px). */
export const LABEL_ROW_PX = 16;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The view that shows the whole graph, and the zoom limits around it. The axes scale separately: a tier layout
 * is a few columns wide and up to thousands of rows tall, so fitting both with one scale would leave a thin
 * strip. Tiers spread across the width; rows fill the height and open up as the user zooms in.
 */
export function fitView(model: GraphModel, width: number, height: number): { view: GraphView; limits: ZoomLimits } {
  const { x0, y0, x1, y1 } = model.bounds;
  const w = Math.max(width - 2 * PAD_X, 40);
  const h = Math.max(height - PAD_TOP - PAD_BOTTOM, 40);
  const fitX = x1 > x0 ? w / (x1 - x0) : 1;
  const fitY = y1 > y0 ? Math.min(h / (y1 - y0), fitX) : fitX;
  const spacing = Math.max(model.spacing, 1e-6);
  const limits: ZoomLimits = {
    kxMin: fitX * 0.5,
    kxMax: fitX * 4,
    kyMin: fitY * 0.5,
    kyMax: Math.max(fitY * 2, (LABEL_ROW_PX * 4) / spacing),
  };
  const view = { kx: fitX, ky: fitY, x: width / 2 - fitX * ((x0 + x1) / 2), y: PAD_TOP + h / 2 - fitY * ((y0 + y1) / 2) };
  return { view, limits };
}

/** Zoom by `factor` around the screen point (px, py), each axis within its limits. */
export function zoomView(v: GraphView, factor: number, px: number, py: number, l: ZoomLimits): GraphView {
  const kx = clamp(v.kx * factor, l.kxMin, l.kxMax);
  const ky = clamp(v.ky * factor, l.kyMin, l.kyMax);
  return { kx, ky, x: px - (px - v.x) * (kx / v.kx), y: py - (py - v.y) * (ky / v.ky) };
}

/** The view centred on node `i`, zoomed in far enough (vertically) for labels to show. */
export function centerView(v: GraphView, model: GraphModel, i: number, width: number, height: number, l: ZoomLimits): GraphView {
  const ky = clamp(Math.max(v.ky, LABEL_ROW_PX / Math.max(model.spacing, 1e-6)), l.kyMin, l.kyMax);
  return { kx: v.kx, ky, x: width / 2 - model.xs[i]! * v.kx, y: height / 2 - model.ys[i]! * ky };
}
