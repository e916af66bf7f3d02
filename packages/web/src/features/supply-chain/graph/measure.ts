import type { GraphView } from "./drawGraph";
import type { GraphPainter } from "./painter";

/** What a frame-time run measured (milliseconds). */
export interface FrameStats {
  frames: number;
  /** Time spent in the paint call per frame (recording, plus rasterising when the scene is redrawn). */
  drawAvg: number;
  drawP95: number;
  drawMax: number;
  /** Mean time between animation frames while the view moves (16.7 ms = 60 fps). */
  frameAvg: number;
}

interface Target {
  view: { current: GraphView };
  painter: GraphPainter;
  /** Paint one frame now; returns how long it took. */
  paint: () => number;
}

/**
 * Move the view for `frames` animation frames — a pan in a circle while zooming in and out, so every frame
 * shows a different part of the graph — and time each frame. "pan" is what the user gets while dragging (the
 * cached scene is shifted); "full" forces the whole scene to be redrawn every frame (what a resting frame costs).
 */
export function measureFrames({ view, painter, paint }: Target, frames: number, mode: "pan" | "full"): Promise<FrameStats> {
  return new Promise((resolve) => {
    const draws: number[] = [];
    const stamps: number[] = [];
    const start = { ...view.current };
    let n = 0;
    const step = (now: number) => {
      stamps.push(now);
      const phase = (n / frames) * Math.PI * 2;
      const zoom = 1 + 2 * Math.sin(phase / 2) ** 2;
      view.current = { kx: start.kx * zoom, ky: start.ky * zoom, x: start.x + 200 * Math.sin(phase), y: start.y + 120 * Math.cos(phase) };
      if (mode === "full") {
        painter.invalidate();
        painter.rest();
      } else painter.moved();
      draws.push(paint());
      if (++n < frames) {
        requestAnimationFrame(step);
        return;
      }
      view.current = start;
      painter.rest();
      paint();
      const sorted = [...draws].sort((a, b) => a - b);
      const gaps = stamps.slice(1).map((s, j) => s - stamps[j]!);
      resolve({
        frames,
        drawAvg: draws.reduce((a, b) => a + b, 0) / draws.length,
        drawP95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
        drawMax: sorted[sorted.length - 1] ?? 0,
        frameAvg: gaps.reduce((a, b) => a + b, 0) / Math.max(gaps.length, 1),
      });
    };
    requestAnimationFrame(step);
  });
}
