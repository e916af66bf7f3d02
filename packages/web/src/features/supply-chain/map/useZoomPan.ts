import { type PointerEvent as ReactPointerEvent, type RefObject, useCallback, useEffect, useRef, useState } from "react";

/** Scale `k` and translation `x`, `y` (map units) applied to the map's content group. */
export interface ZoomView {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY: ZoomView = { k: 1, x: 0, y: 0 };

interface Options {
  width: number;
  height: number;
  minK?: number;
  maxK?: number;
}

/** Keep the content covering the viewport: no panning the world off screen. */
export function clampView(v: ZoomView, width: number, height: number, minK: number, maxK: number): ZoomView {
  const k = Math.min(maxK, Math.max(minK, v.k));
  const x = Math.min(0, Math.max(width - width * k, v.x));
  const y = Math.min(0, Math.max(height - height * k, v.y));
  return { k, x, y };
}

/** The view that shows the box [x0, y0, x1, y1] (map units) with some margin. */
export function viewForBox(box: [number, number, number, number], width: number, height: number, maxK: number): ZoomView {
  const [x0, y0, x1, y1] = box;
  const w = Math.max(x1 - x0, 1);
  const h = Math.max(y1 - y0, 1);
  const k = Math.min(maxK, Math.max(1, 0.8 / Math.max(w / width, h / height)));
  return clampView({ k, x: width / 2 - k * ((x0 + x1) / 2), y: height / 2 - k * ((y0 + y1) / 2) }, width, height, 1, maxK);
}

/**
 * Wheel, drag and pinch zoom for an SVG with a fixed viewBox, without d3-zoom: pointer positions are
 * mapped into viewBox units through the SVG's screen matrix, so zooming stays anchored under the cursor
 * whatever size the SVG is shown at. Updates are coalesced to one per animation frame.
 */
export function useZoomPan(svgRef: RefObject<SVGSVGElement | null>, { width, height, minK = 1, maxK = 16 }: Options) {
  const [view, setView] = useState<ZoomView>(IDENTITY);
  const pending = useRef<ZoomView | null>(null);
  const current = useRef<ZoomView>(IDENTITY);
  const frame = useRef(0);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{ moved: number; pinch: number | null }>({ moved: 0, pinch: null });
  const dragged = useRef(false);

  const commit = useCallback(
    (next: ZoomView) => {
      const v = clampView(next, width, height, minK, maxK);
      current.current = v;
      pending.current = v;
      if (!frame.current) {
        frame.current = requestAnimationFrame(() => {
          frame.current = 0;
          if (pending.current) setView(pending.current);
          pending.current = null;
        });
      }
    },
    [width, height, minK, maxK],
  );

  useEffect(
    () => () => {
      // Reset the handle too: under StrictMode the hook mounts again and must be able to schedule frames.
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    },
    [],
  );

  const toMap = useCallback(
    (clientX: number, clientY: number): { x: number; y: number } | null => {
      const m = svgRef.current?.getScreenCTM();
      if (!m) return null;
      const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
      return { x: p.x, y: p.y };
    },
    [svgRef],
  );

  /** Zoom by `factor` keeping the map point (cx, cy) (viewBox units) where it is. */
  const zoomAt = useCallback(
    (factor: number, cx = width / 2, cy = height / 2) => {
      const v = current.current;
      const k = Math.min(maxK, Math.max(minK, v.k * factor));
      const f = k / v.k;
      commit({ k, x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f });
    },
    [commit, width, height, minK, maxK],
  );

  const panBy = useCallback(
    (dx: number, dy: number) => commit({ ...current.current, x: current.current.x + dx, y: current.current.y + dy }),
    [commit],
  );
  const reset = useCallback(() => commit(IDENTITY), [commit]);
  const show = useCallback((v: ZoomView) => commit(v), [commit]);

  // React registers wheel listeners as passive, which cannot stop the page from scrolling: attach our own.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      const p = toMap(e.clientX, e.clientY);
      if (!p) return;
      e.preventDefault();
      const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      zoomAt(Math.exp(-delta * 0.002), p.x, p.y);
    };
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => svg.removeEventListener("wheel", onWheel);
  }, [svgRef, toMap, zoomAt]);

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.pointerType === "mouse" && e.button !== 0) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.current.size === 1) {
      gesture.current = { moved: 0, pinch: null };
      dragged.current = false;
    }
  };

  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const prev = pointers.current.get(e.pointerId);
    if (!prev) return;
    const a = toMap(prev.x, prev.y);
    const b = toMap(e.clientX, e.clientY);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (!a || !b) return;
    const g = gesture.current;
    g.moved += Math.hypot(e.clientX - prev.x, e.clientY - prev.y);
    // Capture only once it is a real drag, so a plain click still reaches the node or lane under the pointer.
    if (g.moved > 4 && !dragged.current) {
      dragged.current = true;
      e.currentTarget.setPointerCapture(e.pointerId);
    }
    if (pointers.current.size === 2) {
      const [p1, p2] = [...pointers.current.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const dist = Math.hypot(p1.x - p2.x, p1.y - p2.y);
      const mid = toMap((p1.x + p2.x) / 2, (p1.y + p2.y) / 2);
      if (g.pinch && mid) zoomAt(dist / g.pinch, mid.x, mid.y);
      g.pinch = dist;
      return;
    }
    if (dragged.current) panBy(b.x - a.x, b.y - a.y);
  };

  const onPointerUp = (e: ReactPointerEvent<SVGSVGElement>) => {
    pointers.current.delete(e.pointerId);
    if (pointers.current.size < 2) gesture.current.pinch = null;
  };

  return {
    view,
    zoomAt,
    panBy,
    reset,
    show,
    /** True right after a drag: the click that ends it must not select anything. */
    wasDrag: () => dragged.current,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
  };
}
