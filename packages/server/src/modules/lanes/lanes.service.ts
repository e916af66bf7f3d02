import { randomUUID } from "node:crypto";
import { checkLane, type LaneProblem, searchLocations } from "@portcullis/domain";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { externalKeyTaken } from "../../db/external-keys.ts";
import type { LaneRow } from "../../db/schema-partners.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { findPartners, resolveNodes } from "./lanes.nodes.ts";
import { laneAuditView, nodeKeysOf, presentLane, presentLocation } from "./lanes.present.ts";
import { findLane, findLegs, listLanes as listLaneRows, replaceLegs } from "./lanes.repo.ts";
import type { CreateLaneInput, Lane, LegInput, ListLanesQueryInput, ListLocationsQueryInput, UpdateLaneInput } from "./lanes.schema.ts";

const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/** The packaged locations, filtered and paged (no database involved). */
export function listLocations(options: { query: ListLocationsQueryInput }) {
  const { query } = options;
  const all = searchLocations({ q: query.q, kind: query.kind });
  return {
    items: all.slice(query.offset, query.offset + query.limit).map(presentLocation),
    total: all.length,
    limit: query.limit,
    offset: query.offset,
  };
}

/** Lanes with their legs, nodes and carriers resolved in a handful of queries (not per lane). */
export async function loadLanes(tx: Tx, tenantId: string, rows: readonly LaneRow[]): Promise<Lane[]> {
  const legs = await findLegs(
    tx,
    tenantId,
    rows.map((r) => r.id),
  );
  const nodes = await resolveNodes(tx, tenantId, nodeKeysOf(legs));
  const carrierIds = [...new Set(legs.flatMap((l) => (l.carrier_partner_id ? [l.carrier_partner_id] : [])))];
  const carriers = new Map((await findPartners(tx, tenantId, carrierIds)).map((p) => [p.id, p]));
  const byLane = new Map<string, typeof legs>();
  for (const leg of legs) {
    const list = byLane.get(leg.lane_id);
    if (list) list.push(leg);
    else byLane.set(leg.lane_id, [leg]);
  }
  return rows.map((row) => presentLane(row, byLane.get(row.id) ?? [], nodes, carriers));
}

const PROBLEM_MESSAGES: Record<LaneProblem["rule"], (p: LaneProblem) => string> = {
  no_legs: () => "A lane needs at least one leg",
  gap: (p) => (p.rule === "gap" ? `Leg ${p.gapAfterLeg} ends at ${p.expected} but leg ${p.gapAfterLeg + 1} starts at ${p.found}` : ""),
  cycle: (p) => (p.rule === "cycle" ? `The lane passes ${p.node} twice (a cycle)` : ""),
};

/**
 * The business rules of a lane's legs, checked before anything is written: one connected chain without repeated
 * nodes; every node (leg ends and at-rest points) one of this company's sites, partner sites or a packaged
 * location, and not archived; every carrier a partner of this company. Another company's records are unknown.
 */
async function assertLegs(tx: Tx, tenantId: string, legs: readonly LegInput[]): Promise<void> {
  const problem = checkLane(legs);
  if (problem) throw new AppError("rule_violation", PROBLEM_MESSAGES[problem.rule](problem), problem);
  const keys = [...new Set(legs.flatMap((l) => [l.from, l.to, ...(l.atRest ?? []).map((r) => r.node)]))];
  const nodes = await resolveNodes(tx, tenantId, keys);
  const missing = keys.filter((k) => nodes.get(k)?.missing);
  if (missing.length > 0) {
    throw new AppError("rule_violation", `Unknown node: ${missing.join(", ")}`, { rule: "unknown_node", nodes: missing });
  }
  const archived = keys.filter((k) => nodes.get(k)?.archived);
  if (archived.length > 0) {
    throw new AppError("rule_violation", `Archived node: ${archived.join(", ")}`, { rule: "archived_node", nodes: archived });
  }
  const carrierIds = [...new Set(legs.flatMap((l) => (l.carrierPartnerId ? [l.carrierPartnerId] : [])))];
  const found = new Map((await findPartners(tx, tenantId, carrierIds)).map((p) => [p.id, p]));
  const unknown = carrierIds.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw new AppError("rule_violation", "Unknown carrier partner", { rule: "unknown_carrier", carrierPartnerIds: unknown });
  }
  const gone = carrierIds.filter((id) => found.get(id)?.archived_at);
  if (gone.length > 0) {
    throw new AppError("rule_violation", "Archived carrier partner", { rule: "archived_carrier", carrierPartnerIds: gone });
  }
}

async function assertExternalKeyFree(tx: Tx, tenantId: string, key: string | null | undefined, exceptId: string | null) {
  if (key && (await externalKeyTaken(tx, "lanes", tenantId, key, exceptId))) {
    throw new AppError("conflict", "Another lane has this external key", { field: "externalKey" });
  }
}

/** Create a lane with its legs, in one transaction with its audit event. */
export async function createLane(options: { ctx: TenantCtx; input: CreateLaneInput }): Promise<Lane> {
  const { ctx, input } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    await assertLegs(tx, ctx.tenantId, input.legs);
    await assertExternalKeyFree(tx, ctx.tenantId, input.externalKey, null);
    const row = await tx
      .insertInto("lanes")
      .values({
        id: randomUUID(),
        tenant_id: ctx.tenantId,
        name: input.name,
        external_key: input.externalKey ?? null,
        description: input.description ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceLegs(tx, ctx.tenantId, row.id, input.legs);
    const [lane] = await loadLanes(tx, ctx.tenantId, [row]);
    const after = lane as Lane;
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "lane.create",
      entityType: "lane",
      entityId: row.id,
      after: laneAuditView(after),
      requestId: ctx.requestId,
    });
    return after;
  });
}

/** Read one lane; another company's lane is reported exactly like a missing one. */
export async function getLane(options: { ctx: TenantCtx; id: string }): Promise<Lane> {
  const { ctx, id } = options;
  if (!isUuid(id)) throw notFound("Lane");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const row = await findLane(tx, ctx.tenantId, id);
    if (!row) throw notFound("Lane");
    return (await loadLanes(tx, ctx.tenantId, [row]))[0] as Lane;
  });
}

/** List lanes (filters: text, partner, country, node). */
export async function listLanes(options: { ctx: TenantCtx; query: ListLanesQueryInput }) {
  const { ctx, query } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const { rows, total } = await listLaneRows(tx, ctx.tenantId, query);
    return { items: await loadLanes(tx, ctx.tenantId, rows), total, limit: query.limit, offset: query.offset };
  });
}

type LaneChange = { kind: "update"; input: UpdateLaneInput } | { kind: "archive" };

/** Update a lane (legs, when given, replace all legs) or archive it, with before/after in the audit chain. */
export async function changeLane(options: { ctx: TenantCtx; id: string; change: LaneChange }): Promise<Lane> {
  const { ctx, id, change } = options;
  if (!isUuid(id)) throw notFound("Lane");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const current = await findLane(tx, ctx.tenantId, id, true);
    if (!current) throw notFound("Lane");
    const before = (await loadLanes(tx, ctx.tenantId, [current]))[0] as Lane;
    const patch: Record<string, unknown> = { updated_at: new Date() };
    if (change.kind === "update") {
      const i = change.input;
      if (i.legs !== undefined) await assertLegs(tx, ctx.tenantId, i.legs);
      if (i.externalKey !== undefined) await assertExternalKeyFree(tx, ctx.tenantId, i.externalKey, id);
      if (i.name !== undefined) patch.name = i.name;
      if (i.externalKey !== undefined) patch.external_key = i.externalKey;
      if (i.description !== undefined) patch.description = i.description;
      if (i.legs !== undefined) await replaceLegs(tx, ctx.tenantId, id, i.legs);
    } else {
      patch.archived_at = current.archived_at ?? new Date();
    }
    const row = await tx
      .updateTable("lanes")
      .set(patch)
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = (await loadLanes(tx, ctx.tenantId, [row]))[0] as Lane;
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: `lane.${change.kind}`,
      entityType: "lane",
      entityId: id,
      before: laneAuditView(before),
      after: laneAuditView(after),
      requestId: ctx.requestId,
    });
    return after;
  });
}
