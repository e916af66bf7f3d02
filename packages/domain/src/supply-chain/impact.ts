/** Partner risk levels, lowest first. */
export const RISK_LEVELS = ["low", "medium", "high"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The highest of some risk levels (unknown values ignored); null when there is none. */
export function maxRisk(levels: Iterable<string | null | undefined>): RiskLevel | null {
  let best = -1;
  for (const level of levels) {
    const rank = RISK_LEVELS.indexOf(level as RiskLevel);
    if (rank > best) best = rank;
  }
  return best < 0 ? null : (RISK_LEVELS[best] as RiskLevel);
}

/** A leg as impact analysis sees it. */
export interface ImpactLeg {
  seq: number;
  from: string;
  to: string;
  carrierPartnerId: string | null;
  atRest: readonly { node: string }[];
}

/** What is disrupted: some nodes (a partner's sites, every node in a country…) and/or some carriers. */
export interface ImpactTarget {
  nodes: ReadonlySet<string>;
  carrierIds?: ReadonlySet<string>;
}

/** How a leg touches the target. */
export type ImpactReason = "from" | "to" | "carrier" | "at-rest";

/** Reasons (in a fixed order) why a leg is touched by the target; empty when it is not. */
export function legImpact(leg: ImpactLeg, target: ImpactTarget): ImpactReason[] {
  const reasons: ImpactReason[] = [];
  if (target.nodes.has(leg.from)) reasons.push("from");
  if (target.nodes.has(leg.to)) reasons.push("to");
  if (leg.carrierPartnerId !== null && target.carrierIds?.has(leg.carrierPartnerId)) reasons.push("carrier");
  if (leg.atRest.some((r) => target.nodes.has(r.node))) reasons.push("at-rest");
  return reasons;
}

/** How one lane is touched by the target. */
export interface LaneImpact {
  hits: { seq: number; reasons: ImpactReason[] }[];
  /** The first leg touched. */
  firstHitSeq: number;
  /**
   * Nodes the goods would reach only after passing the first disrupted point, in route order: these stop receiving.
   * A leg that starts at the target, is run by the carrier or rests at the target loses its own destination too; a
   * leg that only ends at the target loses what comes after it.
   */
  downstream: string[];
}

/** Impact of the target on one lane (legs in seq order); null when no leg is touched. O(legs). */
export function laneImpact(legs: readonly ImpactLeg[], target: ImpactTarget): LaneImpact | null {
  const hits: LaneImpact["hits"] = [];
  for (const leg of legs) {
    const reasons = legImpact(leg, target);
    if (reasons.length > 0) hits.push({ seq: leg.seq, reasons });
  }
  const first = hits[0];
  if (!first) return null;
  const at = legs.findIndex((l) => l.seq === first.seq);
  const onlyEnds = first.reasons.length === 1 && first.reasons[0] === "to";
  const downstream = legs.slice(onlyEnds ? at + 1 : at).map((l) => l.to);
  return { hits, firstHitSeq: first.seq, downstream: [...new Set(downstream)] };
}
