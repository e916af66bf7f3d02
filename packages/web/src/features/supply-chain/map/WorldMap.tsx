import { ActionIcon, Box, Group, Paper, Text } from "@mantine/core";
import { type KeyboardEvent, memo, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MapLeg, MapNode } from "../api";
import { viewKey } from "../viewKeys";
import { bestCentralMeridian, MAP_HEIGHT, MAP_WIDTH, worldGeometry } from "./geo";
import { LegTooltip, NodeTooltip } from "./MapTooltip";
import { boxOf, countByCountry, type NodeColorBy, type PlacedNode, placeLegs, placeNodes, shadeFor } from "./mapModel";
import { useZoomPan, viewForBox } from "./useZoomPan";
import classes from "./WorldMap.module.css";

export interface WorldMapProps {
  nodes: readonly MapNode[];
  legs: readonly MapLeg[];
  /** Lanes to emphasise; the others are dimmed. Null or empty: all drawn alike. */
  highlight?: ReadonlySet<string> | null;
  colorBy?: NodeColorBy;
  /** Certification by partner id (from the tier graph), for coloring by certification and the tooltips. */
  certified?: ReadonlyMap<string, string> | null;
  /** Shade countries by how many of our and our partners' sites they hold. */
  shade?: boolean;
  onLaneClick?: (laneId: string) => void;
  onNodeClick?: (node: MapNode) => void;
  /** Zoom to these nodes whenever the list changes (e.g. the selected lane); null keeps the view. */
  focusNodeIds?: readonly string[] | null;
  /** Accessible name; should say where the same facts are listed as text. */
  label: string;
  /** CSS height of the map box; by default the box keeps the map's own proportions. */
  h?: number | string;
}

const MAX_K = 24;
const NODE_R = 4.5;
/** Above this many nodes, the markers leave the tab order: the side list is the keyboard path then. */
const FOCUSABLE_LIMIT = 300;

type Tip = { x: number; y: number; content: ReactNode } | null;

/** Offline world map (Natural Earth 1:110m, SVG) with lanes as great-circle arcs and nodes as markers. */
export default function WorldMap(props: WorldMapProps) {
  const { t } = useTranslation();
  const {
    nodes,
    legs,
    highlight,
    colorBy = "status",
    certified = null,
    shade = true,
    onLaneClick,
    onNodeClick,
    focusNodeIds,
    label,
    h,
  } = props;
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const center = useMemo(() => {
    const lon = (key: string) => byId.get(key)?.longitude;
    const segments = legs.flatMap((l): [number, number][] => {
      const a = lon(l.from);
      const b = lon(l.to);
      return a == null || b == null ? [] : [[a, b]];
    });
    return bestCentralMeridian(
      nodes.flatMap((n) => (n.longitude == null ? [] : [n.longitude])),
      segments,
    );
  }, [byId, nodes, legs]);
  const geo = worldGeometry(center);
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const zoom = useZoomPan(svgRef, { width: MAP_WIDTH, height: MAP_HEIGHT, maxK: MAX_K });
  const { k, x, y } = zoom.view;
  const [tip, setTip] = useState<Tip>(null);

  const { placed, unplaced } = useMemo(() => placeNodes(geo, nodes, colorBy, certified), [geo, nodes, colorBy, certified]);
  const paths = useMemo(() => placeLegs(geo, legs, byId), [geo, legs, byId]);
  const counts = useMemo(() => (shade ? countByCountry(nodes) : new Map<string, number>()), [nodes, shade]);
  const dimming = !!highlight && highlight.size > 0;

  const focusKey = focusNodeIds?.join("|") ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit only when the set of nodes to show changes
  useEffect(() => {
    if (focusKey === null) return;
    const wanted = new Set(focusKey ? focusKey.split("|") : []);
    const box = boxOf(placed.filter((p) => wanted.has(p.node.id)));
    if (box) zoom.show(viewForBox(box, MAP_WIDTH, MAP_HEIGHT, 8));
    else zoom.reset();
  }, [focusKey, geo, placed.length]);

  /** Tooltip position inside the map box, from a client point. */
  const at = (clientX: number, clientY: number) => {
    const r = boxRef.current?.getBoundingClientRect();
    return r ? { x: clientX - r.left, y: clientY - r.top } : { x: 0, y: 0 };
  };
  const showNodeTip = (p: PlacedNode, clientX: number, clientY: number) =>
    setTip({
      ...at(clientX, clientY),
      content: <NodeTooltip node={p.node} certified={p.node.partnerId ? certified?.get(p.node.partnerId) : null} />,
    });
  const nodeCenter = (el: Element) => {
    const r = el.getBoundingClientRect();
    return [r.left + r.width / 2, r.top] as const;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // The view is in map units: 40 map units at zoom 1, fewer when zoomed in, so a key press moves a similar distance on screen.
    const action = viewKey(e.key, 40);
    if (!action) return;
    e.preventDefault();
    if (action.kind === "zoom") zoom.zoomAt(action.factor);
    else if (action.kind === "reset") zoom.reset();
    else zoom.panBy(action.dx, action.dy);
  };

  const r = NODE_R / k;
  const focusable = placed.length <= FOCUSABLE_LIMIT;

  return (
    <Box
      ref={boxRef}
      pos="relative"
      className={classes.box}
      h={h}
      style={h === undefined ? { aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}` } : undefined}
    >
      <svg
        ref={svgRef}
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        className={classes.svg}
        role="application"
        aria-roledescription={t("map.roleDescription")}
        aria-label={label}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the map takes focus to receive its zoom and pan keys (an application widget)
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerLeave={() => setTip(null)}
        data-testid="map-svg"
        data-zoom={k.toFixed(2)}
        {...zoom.handlers}
      >
        <g transform={`translate(${x} ${y}) scale(${k})`}>
          <Countries geo={geo} counts={counts} />
          <g className={classes.legs}>
            {paths.map((p) => {
              const on = !dimming || highlight?.has(p.leg.laneId);
              const tipFor = (cx: number, cy: number) => setTip({ ...at(cx, cy), content: <LegTooltip leg={p.leg} nodes={byId} /> });
              return (
                <g key={p.key} data-lane-id={p.leg.laneId} data-highlighted={dimming ? String(!!on) : undefined}>
                  <path d={p.d} stroke={p.color} strokeDasharray={p.dash} className={on ? classes.leg : classes.legDim} />
                  {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer convenience; keyboard users pick lanes in the side list */}
                  <path
                    d={p.d}
                    className={classes.legHit}
                    onPointerMove={(e) => tipFor(e.clientX, e.clientY)}
                    onPointerLeave={() => setTip(null)}
                    onClick={() => !zoom.wasDrag() && onLaneClick?.(p.leg.laneId)}
                  />
                </g>
              );
            })}
          </g>
          <g>
            {placed.map((p) => (
              // biome-ignore lint/a11y/useSemanticElements: an SVG marker cannot be a <button>; it gets the role and keys instead
              <g
                key={p.node.id}
                transform={`translate(${p.x} ${p.y})`}
                className={classes.node}
                role="button"
                tabIndex={focusable ? 0 : -1}
                aria-label={`${p.node.label} (${t(`map.kinds.${p.node.kind}`)})`}
                data-node-id={p.node.id}
                onPointerMove={(e) => showNodeTip(p, e.clientX, e.clientY)}
                onPointerLeave={() => setTip(null)}
                onFocus={(e) => showNodeTip(p, ...nodeCenter(e.currentTarget))}
                onBlur={() => setTip(null)}
                onClick={() => !zoom.wasDrag() && onNodeClick?.(p.node)}
                onKeyDown={(e) => {
                  if (e.key !== "Enter" && e.key !== " ") return;
                  e.preventDefault();
                  onNodeClick?.(p.node);
                }}
              >
                <Marker kind={p.node.kind} r={r} color={p.color} />
              </g>
            ))}
          </g>
        </g>
      </svg>
      <Group gap={4} className={classes.controls}>
        <ActionIcon variant="default" onClick={() => zoom.zoomAt(1.5)} aria-label={t("map.zoomIn")} data-testid="map-zoom-in">
          +
        </ActionIcon>
        <ActionIcon variant="default" onClick={() => zoom.zoomAt(1 / 1.5)} aria-label={t("map.zoomOut")} data-testid="map-zoom-out">
          −
        </ActionIcon>
        <ActionIcon variant="default" onClick={() => zoom.reset()} aria-label={t("map.resetView")} data-testid="map-zoom-reset">
          ⟲
        </ActionIcon>
      </Group>
      {unplaced > 0 && (
        <Text size="xs" c="dimmed" className={classes.note}>
          {t("map.unplaced", { count: unplaced })}
        </Text>
      )}
      {tip && (
        <Paper
          shadow="md"
          p="xs"
          withBorder
          className={`${classes.tip} ${tip.y < 110 ? classes.tipBelow : ""}`}
          style={{ left: Math.min(Math.max(tip.x, 110), (boxRef.current?.clientWidth ?? 0) - 110), top: tip.y }}
          role="tooltip"
          data-testid="map-tooltip"
        >
          {tip.content}
        </Paper>
      )}
    </Box>
  );
}

/** Own sites are squares, ports diamonds, partner sites circles (shape as well as color). */
function Marker({ kind, r, color }: { kind: MapNode["kind"]; r: number; color: string }) {
  if (kind === "site") return <rect x={-r} y={-r} width={2 * r} height={2 * r} fill={color} className={classes.marker} />;
  if (kind === "port")
    return <path d={`M0 ${-r * 1.2}L${r * 1.2} 0L0 ${r * 1.2}L${-r * 1.2} 0Z`} fill="#fff" stroke={color} className={classes.port} />;
  return <circle r={r} fill={color} className={classes.marker} />;
}

/** The country layer changes only with the shading, never with zoom or hover. */
const Countries = memo(function Countries({ geo, counts }: { geo: ReturnType<typeof worldGeometry>; counts: ReadonlyMap<string, number> }) {
  return (
    <g>
      <path d={geo.sphere} className={classes.ocean} />
      <path d={geo.graticule} className={classes.graticule} />
      {geo.countries.map((c) => {
        const fill = c.code ? shadeFor(counts.get(c.code) ?? 0) : null;
        return <path key={c.key} d={c.d} className={classes.land} style={fill ? { fill } : undefined} data-country={c.code ?? undefined} />;
      })}
    </g>
  );
});
