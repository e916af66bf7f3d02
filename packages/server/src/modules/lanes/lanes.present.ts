import type { Location } from "@portcullis/domain";
import type { LaneLegRow, LaneRow } from "../../db/schema-partners.ts";
import type { PartnerFacts } from "./lanes.nodes.ts";
import type { Lane, LaneLeg, NodeInfo } from "./lanes.schema.ts";

/** A packaged location for the API. */
export function presentLocation(l: Location) {
  return {
    code: l.code,
    name: l.name,
    countryCode: l.countryCode,
    kind: l.kind,
    latitude: l.latitude,
    longitude: l.longitude,
    cbpPortCode: l.cbpPortCode,
    source: l.sources.join(" | "),
    notes: l.notes,
  };
}

/** The at-rest list as stored (jsonb), read defensively: rows written by other tools may differ. */
export function atRestOf(value: unknown): { node: string; description: string | null }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r) =>
    r && typeof r === "object" && typeof (r as { node?: unknown }).node === "string"
      ? [{ node: (r as { node: string }).node, description: typeof r.description === "string" ? r.description : null }]
      : [],
  );
}

/** Every node key a lane mentions: leg ends and at-rest points. */
export function nodeKeysOf(legs: readonly LaneLegRow[]): string[] {
  return legs.flatMap((l) => [l.from_node, l.to_node, ...atRestOf(l.at_rest).map((r) => r.node)]);
}

function presentLeg(leg: LaneLegRow, carriers: ReadonlyMap<string, PartnerFacts>): LaneLeg {
  const carrier = leg.carrier_partner_id ? carriers.get(leg.carrier_partner_id) : undefined;
  return {
    seq: leg.seq,
    from: leg.from_node,
    to: leg.to_node,
    mode: leg.mode,
    carrierPartnerId: leg.carrier_partner_id,
    carrier: carrier ? { id: carrier.id, name: carrier.name } : null,
    atRest: atRestOf(leg.at_rest),
  };
}

/** Whitelist a lane with its legs (in seq order) and the nodes they mention. */
export function presentLane(
  row: LaneRow,
  legs: readonly LaneLegRow[],
  nodes: ReadonlyMap<string, NodeInfo>,
  carriers: ReadonlyMap<string, PartnerFacts>,
): Lane {
  const keys = [...new Set(nodeKeysOf(legs))];
  return {
    id: row.id,
    externalKey: row.external_key,
    name: row.name,
    description: row.description,
    origin: legs[0]?.from_node ?? null,
    destination: legs[legs.length - 1]?.to_node ?? null,
    modes: [...new Set(legs.map((l) => l.mode))],
    legs: legs.map((l) => presentLeg(l, carriers)),
    nodes: keys.flatMap((k) => nodes.get(k) ?? []),
    archived: row.archived_at !== null,
    archivedAt: row.archived_at ? new Date(row.archived_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** What the audit chain keeps of a lane: its own fields and legs, not the resolved display facts. */
export function laneAuditView(lane: Lane) {
  return {
    id: lane.id,
    externalKey: lane.externalKey,
    name: lane.name,
    description: lane.description,
    archivedAt: lane.archivedAt,
    legs: lane.legs.map((l) => ({
      seq: l.seq,
      from: l.from,
      to: l.to,
      mode: l.mode,
      carrierPartnerId: l.carrierPartnerId,
      atRest: l.atRest,
    })),
  };
}
