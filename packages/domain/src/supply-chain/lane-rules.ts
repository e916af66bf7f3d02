/** The two ends of a leg; legs are numbered from 1 in the order given (their `seq`). */
export interface LegEnds {
  from: string;
  to: string;
}

/** Transport modes of a leg. */
export const LEG_MODES = ["sea", "air", "rail", "road"] as const;
export type LegMode = (typeof LEG_MODES)[number];

/**
 * Why a lane is not a valid chain of legs:
 * - `no_legs`: a lane moves goods somewhere, so it has at least one leg;
 * - `gap`: leg `gapAfterLeg` ends at `expected` but the next leg starts at `found`;
 * - `cycle`: `node` is visited twice; `cycle` lists the nodes from its first visit to its return, and `legs` the
 *   leg numbers that make that loop (a leg from a node to itself is a cycle of one leg).
 */
export type LaneProblem =
  | { rule: "no_legs" }
  | { rule: "gap"; gapAfterLeg: number; expected: string; found: string }
  | { rule: "cycle"; node: string; cycle: string[]; legs: number[] };

/**
 * Check that legs form one simple path: at least one leg, each leg starting where the previous one ended, and no
 * node visited twice (goods that come back to a place they already left are a loop, not a lane). Returns the first
 * problem in leg order, or null for a valid lane. O(legs).
 */
export function checkLane(legs: readonly LegEnds[]): LaneProblem | null {
  const first = legs[0];
  if (!first) return { rule: "no_legs" };
  for (let i = 0; i + 1 < legs.length; i++) {
    const here = legs[i] as LegEnds;
    const next = legs[i + 1] as LegEnds;
    if (here.to !== next.from) return { rule: "gap", gapAfterLeg: i + 1, expected: here.to, found: next.from };
  }
  // With no gaps the route is first.from, then every leg's `to`: node k is where leg k ends.
  const route = [first.from, ...legs.map((l) => l.to)];
  const firstSeen = new Map<string, number>();
  for (let k = 0; k < route.length; k++) {
    const node = route[k] as string;
    const earlier = firstSeen.get(node);
    if (earlier !== undefined) {
      return {
        rule: "cycle",
        node,
        cycle: route.slice(earlier, k + 1),
        legs: Array.from({ length: k - earlier }, (_, j) => earlier + j + 1),
      };
    }
    firstSeen.set(node, k);
  }
  return null;
}

/** The nodes a valid lane visits, in order (origin first, destination last). */
export function laneRoute(legs: readonly LegEnds[]): string[] {
  const first = legs[0];
  return first ? [first.from, ...legs.map((l) => l.to)] : [];
}
