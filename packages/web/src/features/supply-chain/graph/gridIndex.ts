/**
 * A uniform grid over points for hit-testing: each cell lists the points inside it, so finding the
 * point under the cursor looks at a handful of cells instead of every node (5,000+ per mouse move).
 */
export interface GridIndex {
  cell: number;
  cells: Map<number, number[]>;
  xs: Float64Array;
  ys: Float64Array;
}

// Cell coordinates packed into one number; ±2^20 cells each way is far beyond any layout.
const OFFSET = 1 << 20;
const key = (cx: number, cy: number) => (cx + OFFSET) * 2 ** 21 + (cy + OFFSET);

/** Index points (world units) with square cells of side `cell`. */
export function buildGrid(xs: Float64Array, ys: Float64Array, cell: number): GridIndex {
  const size = cell > 0 && Number.isFinite(cell) ? cell : 1;
  const cells = new Map<number, number[]>();
  for (let i = 0; i < xs.length; i++) {
    const k = key(Math.floor(xs[i]! / size), Math.floor(ys[i]! / size));
    const list = cells.get(k);
    if (list) list.push(i);
    else cells.set(k, [i]);
  }
  return { cell: size, cells, xs, ys };
}

/**
 * Index of the point nearest to (x, y) (world units) within `radius` screen pixels, or -1. The view may scale
 * the axes differently (`kx`, `ky`: pixels per world unit), so distances are measured on screen.
 */
export function nearest(grid: GridIndex, x: number, y: number, radius: number, kx = 1, ky = 1): number {
  const { cell, cells } = grid;
  const rx = radius / kx;
  const ry = radius / ky;
  const x0 = Math.floor((x - rx) / cell);
  const x1 = Math.floor((x + rx) / cell);
  const y0 = Math.floor((y - ry) / cell);
  const y1 = Math.floor((y + ry) / cell);
  // A huge search box (zoomed far out) would walk thousands of empty cells; scanning every point is cheaper then.
  if ((x1 - x0 + 1) * (y1 - y0 + 1) > cells.size) return closest(grid, grid.xs.keys(), x, y, radius, kx, ky);
  let best = -1;
  let bestD = radius * radius;
  for (let cx = x0; cx <= x1; cx++) {
    for (let cy = y0; cy <= y1; cy++) {
      const list = cells.get(key(cx, cy));
      if (!list) continue;
      const i = closest(grid, list, x, y, Math.sqrt(bestD), kx, ky);
      if (i >= 0) {
        const dx = (grid.xs[i]! - x) * kx;
        const dy = (grid.ys[i]! - y) * ky;
        bestD = dx * dx + dy * dy;
        best = i;
      }
    }
  }
  return best;
}

function closest(grid: GridIndex, candidates: Iterable<number>, x: number, y: number, radius: number, kx: number, ky: number): number {
  let best = -1;
  let bestD = radius * radius;
  for (const i of candidates) {
    const dx = (grid.xs[i]! - x) * kx;
    const dy = (grid.ys[i]! - y) * ky;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
