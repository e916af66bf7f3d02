/**
 * Supply-chain node keys, as the lanes API spells them: `site:<uuid>` (one of our own sites),
 * `partner-site:<uuid>` (a business partner's site) or `port:<code>` (a packaged location).
 */

export const NODE_KINDS = ["site", "partner-site", "port"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const LANE_MODES = ["sea", "air", "rail", "road"] as const;
export type LaneMode = (typeof LANE_MODES)[number];

export const RISK_LEVELS = ["low", "medium", "high"] as const;

export interface ParsedNode {
  kind: NodeKind;
  ref: string;
}

/** Split a node key; null when it is not one of the three forms. */
export function parseNodeKey(key: string): ParsedNode | null {
  const i = key.indexOf(":");
  if (i <= 0 || i === key.length - 1) return null;
  const kind = key.slice(0, i);
  if (!(NODE_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as NodeKind, ref: key.slice(i + 1) };
}

/** Build a node key from its kind and its id or location code. */
export function nodeKey(kind: NodeKind, ref: string): string {
  return `${kind}:${ref}`;
}

/** The part of a leg the connection check looks at. */
export interface LegEnds {
  from: string | null;
  to: string | null;
}

/** A problem with one leg, found before the lane is sent. */
export type LegProblem =
  | { leg: number; kind: "missing-from" | "missing-to" | "same-ends" }
  /** Leg `leg` starts somewhere other than where leg `leg - 1` ends. */
  | { leg: number; kind: "gap" }
  /** The node at the start of leg `leg` (or its end, for the last leg) was already visited. */
  | { leg: number; kind: "repeat"; node: string };

/**
 * The same rules the server applies (legs chain end to start, no node twice in one lane), checked
 * in the browser so the user sees the offending leg before submitting. An empty list means OK.
 */
export function checkLegs(legs: readonly LegEnds[]): LegProblem[] {
  const problems: LegProblem[] = [];
  const seen = new Set<string>();
  legs.forEach((leg, i) => {
    if (!leg.from) problems.push({ leg: i, kind: "missing-from" });
    if (!leg.to) problems.push({ leg: i, kind: "missing-to" });
    if (leg.from && leg.to && leg.from === leg.to) problems.push({ leg: i, kind: "same-ends" });
    const prev = i > 0 ? legs[i - 1] : undefined;
    if (prev?.to && leg.from && prev.to !== leg.from) problems.push({ leg: i, kind: "gap" });
    // Walk the route as origin, then each leg's destination; after a gap the new start is a stop too.
    const stops = i === 0 || prev?.to !== leg.from ? [leg.from, leg.to] : [leg.to];
    for (const node of stops) {
      if (!node) continue;
      const sameEnds = node === leg.to && leg.from === leg.to;
      if (seen.has(node) && !sameEnds) problems.push({ leg: i, kind: "repeat", node });
      seen.add(node);
    }
  });
  return problems;
}

/** The ordered stops of a chained lane: origin, then every leg's destination. */
export function laneStops<T extends { from: string; to: string }>(legs: readonly T[]): string[] {
  if (legs.length === 0) return [];
  return [legs[0]!.from, ...legs.map((l) => l.to)];
}

/** The partner behind a tier-graph node; null for the company itself. */
export function graphNodePartnerId(node: { id: string; kind: string }): string | null {
  return node.kind === "partner" ? node.id : null;
}
