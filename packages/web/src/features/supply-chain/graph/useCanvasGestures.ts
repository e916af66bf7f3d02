import { type PointerEvent, type RefObject, useEffect, useRef } from "react";

interface Gestures {
  /** Move the view by a screen distance (CSS pixels). */
  pan: (dx: number, dy: number) => void;
  /** Zoom by `factor` around a canvas point. */
  zoomAt: (factor: number, px: number, py: number) => void;
  /** The pointer rests over (px, py) without dragging; null when a drag begins. */
  hover: (at: { px: number; py: number } | null) => void;
  /** A click or tap (no drag) at (px, py). */
  tap: (px: number, py: number) => void;
}

/** Pixels a pointer may move and still count as a click. */
const CLICK_SLOP = 4;

type Point = { x: number; y: number };

/**
 * Mouse, touch and pen on a canvas: drag to pan, wheel or pinch to zoom, hover and tap. The wheel listener is
 * attached by hand because React registers wheel handlers as passive, which cannot stop the page scrolling.
 */
export function useCanvasGestures(canvasRef: RefObject<HTMLCanvasElement | null>, g: Gestures) {
  const latest = useRef(g);
  latest.current = g;
  const pointers = useRef(new Map<number, Point>());
  const drag = useRef<{ id: number; x: number; y: number; moved: number } | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = canvas.getBoundingClientRect();
      const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      latest.current.zoomAt(Math.exp(-delta * 0.002), e.clientX - rect.left, e.clientY - rect.top);
    };
    canvas.addEventListener("wheel", onWheel, { passive: false });
    return () => canvas.removeEventListener("wheel", onWheel);
  }, [canvasRef]);

  const local = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { px: e.clientX - rect.left, py: e.clientY - rect.top };
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: 0 };
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const all = pointers.current;
    if (all.has(e.pointerId) && all.size === 2) {
      const [a, b] = [...all.values()] as [Point, Point];
      const before = Math.hypot(a.x - b.x, a.y - b.y);
      all.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const [c, d] = [...all.values()] as [Point, Point];
      const rect = e.currentTarget.getBoundingClientRect();
      if (drag.current) drag.current.moved += CLICK_SLOP + 1;
      if (before > 0)
        latest.current.zoomAt(Math.hypot(c.x - d.x, c.y - d.y) / before, (c.x + d.x) / 2 - rect.left, (c.y + d.y) / 2 - rect.top);
      return;
    }
    const d = drag.current;
    if (d && d.id === e.pointerId) {
      all.set(e.pointerId, { x: e.clientX, y: e.clientY });
      d.moved += Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y);
      latest.current.pan(e.clientX - d.x, e.clientY - d.y);
      d.x = e.clientX;
      d.y = e.clientY;
      if (d.moved > CLICK_SLOP) latest.current.hover(null);
      return;
    }
    latest.current.hover(local(e));
  };

  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    pointers.current.delete(e.pointerId);
    const d = drag.current;
    if (pointers.current.size === 0) drag.current = null;
    if (!d || d.id !== e.pointerId || d.moved > CLICK_SLOP || pointers.current.size > 0) return;
    const { px, py } = local(e);
    latest.current.tap(px, py);
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}
