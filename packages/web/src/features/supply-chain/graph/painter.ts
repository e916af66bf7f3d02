import { drawOverlay, drawScene, type GraphView, type OverlayState } from "./drawGraph";
import type { GraphModel } from "./graphModel";

/** How long after the last pan/zoom step the scene is drawn again at full quality. */
export const SETTLE_MS = 140;

/**
 * Two layers: the scene (thousands of edges and nodes) rendered into an offscreen bitmap, and the overlay
 * (hover, selection, tier headers) drawn live. While the view moves, each frame only shifts and scales the
 * bitmap (one drawImage, whatever the graph size) — rasterising thousands of anti-aliased curves is what
 * costs, far more than issuing the drawing calls. Once the view rests for SETTLE_MS the scene is redrawn sharp.
 */
export class GraphPainter {
  private readonly base: HTMLCanvasElement = document.createElement("canvas");
  private baseView: GraphView | null = null;
  private fresh = false;
  private lastMove = 0;

  /** The scene changed (data, colors, theme, size): redraw it at the next resting frame. */
  invalidate(): void {
    this.fresh = false;
  }

  /** The view moved: keep blitting the bitmap until it rests. */
  moved(): void {
    this.lastMove = performance.now();
  }

  /** Forget any motion, so the next frame redraws the whole scene (used to measure that cost). */
  rest(): void {
    this.lastMove = 0;
  }

  /** Paint one frame. Returns true when the scene bitmap is out of date and a resting frame should follow. */
  paint(ctx: CanvasRenderingContext2D, model: GraphModel, s: OverlayState): boolean {
    const { dpr, view } = s;
    const target = ctx.canvas;
    if (this.base.width !== target.width || this.base.height !== target.height) {
      this.base.width = target.width;
      this.base.height = target.height;
      this.fresh = false;
      this.baseView = null;
    }
    const moving = performance.now() - this.lastMove < SETTLE_MS;
    const b = this.baseView;
    const sameView = !!b && b.kx === view.kx && b.ky === view.ky && b.x === view.x && b.y === view.y;
    if (!b || (!moving && (!this.fresh || !sameView))) {
      const baseCtx = this.base.getContext("2d");
      if (!baseCtx) return false;
      drawScene(baseCtx, model, s);
      this.baseView = { ...view };
      this.fresh = true;
    }
    const from = this.baseView as GraphView;
    const sx = view.kx / from.kx;
    const sy = view.ky / from.ky;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, target.width, target.height);
    ctx.drawImage(this.base, (view.x - from.x * sx) * dpr, (view.y - from.y * sy) * dpr, this.base.width * sx, this.base.height * sy);
    drawOverlay(ctx, model, s);
    return !this.fresh || from.kx !== view.kx || from.ky !== view.ky || from.x !== view.x || from.y !== view.y;
  }
}
