import { Box, Paper, Text, useComputedColorScheme } from "@mantine/core";
import {
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from "react";
import type { GraphNode } from "../api";
import type { ColorBy } from "../palette";
import { viewKey } from "../viewKeys";
import { type GraphView, markerRadius } from "./drawGraph";
import { colorGroups, type GraphModel } from "./graphModel";
import { nearest } from "./gridIndex";
import { type FrameStats, measureFrames } from "./measure";
import { GraphPainter, SETTLE_MS } from "./painter";
import { useCanvasGestures } from "./useCanvasGestures";
import { centerView, fitView, type ZoomLimits, zoomView } from "./view";

export interface GraphCanvasHandle {
  centerOn: (id: string) => void;
  fit: () => void;
  zoomBy: (factor: number) => void;
  /**
   * Pan and zoom for `frames` animation frames and report draw and frame times: "pan" as the user moves the
   * view (the cached scene is shifted), "full" redrawing the whole scene every frame (what a resting frame costs).
   */
  measure: (frames: number, mode: "pan" | "full") => Promise<FrameStats>;
}

interface Props {
  model: GraphModel;
  colorBy: ColorBy;
  selected: string | null;
  onSelect: (node: GraphNode | null) => void;
  onOpen?: (node: GraphNode) => void;
  tierLabel: (tier: number) => string;
  renderTip: (node: GraphNode) => ReactNode;
  label: string;
  h?: number | string;
  ref?: Ref<GraphCanvasHandle>;
}

/** The tier graph on a <canvas>: pan/zoom redrawn with requestAnimationFrame, hit-testing through a grid index. */
export function GraphCanvas({ model, colorBy, selected, onSelect, onOpen, tierLabel, renderTip, label, h = 560, ref }: Props) {
  const dark = useComputedColorScheme("light") === "dark";
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const size = useRef({ width: 0, height: 0, dpr: 1 });
  const view = useRef<GraphView>({ kx: 1, ky: 1, x: 0, y: 0 });
  const limits = useRef<ZoomLimits>({ kxMin: 0, kxMax: Number.POSITIVE_INFINITY, kyMin: 0, kyMax: Number.POSITIVE_INFINITY });
  const hovered = useRef(-1);
  const frame = useRef(0);
  const lastDraw = useRef(0);
  const [tip, setTip] = useState<{ x: number; y: number; i: number } | null>(null);
  const groups = useMemo(() => colorGroups(model, colorBy), [model, colorBy]);
  const selectedIdx = selected ? (model.index.get(selected) ?? -1) : -1;
  const painterRef = useRef<GraphPainter | null>(null);
  painterRef.current ??= new GraphPainter();
  const painter = painterRef.current;
  const settle = useRef(0);
  const requestRef = useRef<() => void>(() => {});

  const paint = useCallback(() => {
    const ctx = canvasRef.current?.getContext("2d");
    if (!ctx) return;
    const t0 = performance.now();
    const stale = painter.paint(ctx, model, {
      ...size.current,
      view: view.current,
      groups,
      hovered: hovered.current,
      selected: selectedIdx,
      tierLabel,
      dark,
    });
    lastDraw.current = performance.now() - t0;
    if (stale) {
      window.clearTimeout(settle.current);
      settle.current = window.setTimeout(() => requestRef.current(), SETTLE_MS + 10);
    }
  }, [painter, model, groups, selectedIdx, tierLabel, dark]);

  const request = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      paint();
    });
  }, [paint]);
  requestRef.current = request;

  // New data, colors or theme: the cached scene must be redrawn.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the dependencies are what invalidates the scene
  useEffect(() => {
    painter.invalidate();
    request();
  }, [painter, model, groups, dark, request]);
  useEffect(
    () => () => {
      // Reset the handle too: under StrictMode the component mounts again and must be able to schedule frames.
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      window.clearTimeout(settle.current);
    },
    [],
  );

  const setView = useCallback(
    (v: GraphView) => {
      view.current = v;
      painter.moved();
      request();
    },
    [painter, request],
  );

  const fit = useCallback(() => {
    const fitted = fitView(model, size.current.width, size.current.height);
    limits.current = fitted.limits;
    setView(fitted.view);
  }, [model, setView]);

  const zoomAt = useCallback(
    (factor: number, px = size.current.width / 2, py = size.current.height / 2) =>
      setView(zoomView(view.current, factor, px, py, limits.current)),
    [setView],
  );

  // Size the backing store to the box (device pixels), refit when the graph changes.
  useEffect(() => {
    const box = boxRef.current;
    const canvas = canvasRef.current;
    if (!box || !canvas) return;
    let fitted = false;
    const ro = new ResizeObserver(() => {
      const dpr = window.devicePixelRatio || 1;
      const width = box.clientWidth;
      const height = box.clientHeight;
      size.current = { width, height, dpr };
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      if (!fitted && width > 0) {
        fitted = true;
        fit();
      } else request();
    });
    ro.observe(box);
    return () => ro.disconnect();
  }, [fit, request]);

  /** The node under a canvas point (CSS pixels), or -1. */
  const hit = (px: number, py: number) => {
    const { kx, ky, x, y } = view.current;
    return nearest(model.grid, (px - x) / kx, (py - y) / ky, Math.max(markerRadius(model, ky) + 3, 6), kx, ky);
  };

  const gestures = useCanvasGestures(canvasRef, {
    pan: (dx, dy) => setView({ ...view.current, x: view.current.x + dx, y: view.current.y + dy }),
    zoomAt,
    hover: (at) => {
      const i = at ? hit(at.px, at.py) : -1;
      if (i !== hovered.current) {
        hovered.current = i;
        request();
      }
      setTip(at && i >= 0 ? { x: at.px, y: at.py, i } : null);
    },
    tap: (px, py) => {
      const i = hit(px, py);
      onSelect(i >= 0 ? model.nodes[i]! : null);
    },
  });

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const action = viewKey(e.key, 60);
    if (action) {
      e.preventDefault();
      if (action.kind === "zoom") zoomAt(action.factor);
      else if (action.kind === "reset") fit();
      else setView({ ...view.current, x: view.current.x + action.dx, y: view.current.y + action.dy });
    } else if (e.key === "Enter" && selectedIdx >= 0) {
      e.preventDefault();
      onOpen?.(model.nodes[selectedIdx]!);
    } else if (e.key === "Escape") onSelect(null);
  };

  useImperativeHandle(
    ref,
    () => ({
      fit,
      zoomBy: (factor) => zoomAt(factor),
      centerOn: (id) => {
        const i = model.index.get(id);
        if (i === undefined) return;
        // Glide there over ~300 ms, zooming in far enough to read the labels.
        const from = { ...view.current };
        const to = centerView(from, model, i, size.current.width, size.current.height, limits.current);
        const start = performance.now();
        const step = (now: number) => {
          const t = Math.min(1, (now - start) / 300);
          const e = t * (2 - t);
          const mix = (a: number, b: number) => a + (b - a) * e;
          setView({ kx: mix(from.kx, to.kx), ky: mix(from.ky, to.ky), x: mix(from.x, to.x), y: mix(from.y, to.y) });
          if (t < 1) requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      },
      measure: (frames, mode) =>
        measureFrames(
          {
            view,
            painter,
            paint: () => {
              paint();
              return lastDraw.current;
            },
          },
          frames,
          mode,
        ),
    }),
    [fit, zoomAt, model, setView, paint, painter],
  );

  const tipNode = tip ? model.nodes[tip.i] : undefined;
  return (
    <Box
      ref={boxRef}
      pos="relative"
      h={h}
      style={{ overflow: "hidden", borderRadius: "var(--mantine-radius-sm)", border: "1px solid var(--mantine-color-default-border)" }}
    >
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        tabIndex={0}
        style={{ width: "100%", height: "100%", display: "block", touchAction: "none", cursor: tip ? "pointer" : "grab" }}
        {...gestures}
        onPointerLeave={() => {
          hovered.current = -1;
          setTip(null);
          request();
        }}
        onKeyDown={onKeyDown}
        data-testid="graph-canvas"
        data-node-count={model.nodes.length}
      />
      {tip && tipNode && (
        <GraphTooltip x={tip.x} y={tip.y} width={size.current.width} height={size.current.height}>
          {renderTip(tipNode)}
        </GraphTooltip>
      )}
      {model.nodes.length === 0 && (
        <Text c="dimmed" ta="center" pos="absolute" top="45%" w="100%">
          {label}
        </Text>
      )}
    </Box>
  );
}

/** The hover card, flipped to the other side of the cursor near the right and bottom edges. */
function GraphTooltip({ x, y, width, height, children }: { x: number; y: number; width: number; height: number; children: ReactNode }) {
  const left = x > width - 280 ? Math.max(0, x - 274) : x + 14;
  const top = y > height - 140 ? Math.max(0, y - 130) : y + 14;
  return (
    <Paper
      shadow="md"
      p="xs"
      withBorder
      role="tooltip"
      style={{ position: "absolute", left, top, pointerEvents: "none", maxWidth: 260 }}
      data-testid="graph-tooltip"
    >
      {children}
    </Paper>
  );
}
