import type { MapLeg, MapNode } from "../api";
import { colorOf, MODE_DASH, OWN_COLOR, PORT_COLOR, paletteFor, RISK_COLORS } from "../palette";
import type { WorldGeometry } from "./geo";

/** What the map colors partner nodes by (own sites and ports keep their own color). */
export type NodeColorBy = "status" | "certified";

export interface PlacedNode {
  node: MapNode;
  x: number;
  y: number;
  color: string;
}

export interface PlacedLeg {
  key: string;
  leg: MapLeg;
  d: string;
  color: string;
  dash: string | undefined;
}

/** Nodes with a position on the globe; the rest are counted so the UI can say so. */
export function placeNodes(
  geo: WorldGeometry,
  nodes: readonly MapNode[],
  colorBy: NodeColorBy,
  certified: ReadonlyMap<string, string> | null,
): { placed: PlacedNode[]; unplaced: number } {
  const palette = paletteFor(colorBy);
  const placed: PlacedNode[] = [];
  let unplaced = 0;
  for (const node of nodes) {
    const p = node.latitude == null || node.longitude == null ? null : geo.project(node.longitude, node.latitude);
    if (!p) {
      unplaced++;
      continue;
    }
    const color =
      node.kind === "site"
        ? OWN_COLOR
        : node.kind === "port"
          ? PORT_COLOR
          : colorOf(palette, colorBy === "status" ? node.status : node.partnerId ? certified?.get(node.partnerId) : null);
    placed.push({ node, x: p[0], y: p[1], color });
  }
  return { placed, unplaced };
}

/** Great-circle paths for the legs whose two ends have coordinates. */
export function placeLegs(geo: WorldGeometry, legs: readonly MapLeg[], nodes: ReadonlyMap<string, MapNode>): PlacedLeg[] {
  const out: PlacedLeg[] = [];
  for (const leg of legs) {
    const a = nodes.get(leg.from);
    const b = nodes.get(leg.to);
    if (a?.longitude == null || a.latitude == null || b?.longitude == null || b.latitude == null) continue;
    out.push({
      key: `${leg.laneId}:${leg.seq}`,
      leg,
      d: geo.arc([
        [a.longitude, a.latitude],
        [b.longitude, b.latitude],
      ]),
      color: colorOf(RISK_COLORS, leg.risk),
      dash: MODE_DASH[leg.mode],
    });
  }
  return out;
}

/** Thresholds of the country shading (nodes per country), lowest first. */
export const SHADE_STEPS = [1, 2, 5, 10] as const;

/** Fill for a country holding `count` of our nodes; null for none. */
export function shadeFor(count: number): string | null {
  let step = -1;
  SHADE_STEPS.forEach((min, i) => {
    if (count >= min) step = i;
  });
  return step < 0 ? null : `var(--mantine-color-blue-${step + 1})`;
}

/** Own and partner sites per country (ports are shared infrastructure and are not counted). */
export function countByCountry(nodes: readonly MapNode[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of nodes) {
    if (n.kind === "port" || !n.countryCode) continue;
    counts.set(n.countryCode, (counts.get(n.countryCode) ?? 0) + 1);
  }
  return counts;
}

/** Bounding box [x0, y0, x1, y1] of placed points, or null without any. */
export function boxOf(points: readonly { x: number; y: number }[]): [number, number, number, number] | null {
  if (points.length === 0) return null;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return [x0, y0, x1, y1];
}
