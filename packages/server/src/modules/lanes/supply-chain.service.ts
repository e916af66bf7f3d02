import { allPaths, buildAdjacency, laneImpact, layoutTiers, maxRisk, type TierNode } from "@portcullis/domain";
import type { z } from "zod";
import { withScope } from "../../db/tx.ts";
import { notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import { todayUtc } from "../procedures/review-interval.ts";
import { findPartners, resolveNodes } from "./lanes.nodes.ts";
import { atRestOf } from "./lanes.present.ts";
import { countryNodeKeys, findLane, findLegs } from "./lanes.repo.ts";
import {
  activeSiteIds,
  certificationStates,
  companyName,
  hopsBetween,
  impactedLanes,
  laneNames,
  liveLegs,
  livePartners,
  partnerIdsOnLanes,
  partnerSiteIds,
  supplierRelations,
  uncertifiedPartners,
} from "./supply-chain.repo.ts";
import type {
  ImpactQueryInput,
  ImpactSchema,
  PathsSchema,
  SupplyChainGraphSchema,
  SupplyChainMapSchema,
  UncertifiedQueryInput,
  UncertifiedSchema,
} from "./supply-chain.schema.ts";

const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });
const MAX_PATHS = 1000;

/** The world map: own sites, live partners' sites and every place a live lane passes, plus every live leg. */
export async function getSupplyChainMap(options: { ctx: TenantCtx }): Promise<z.infer<typeof SupplyChainMapSchema>> {
  const { ctx } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const legs = await liveLegs(tx, ctx.tenantId);
    const active = await activeSiteIds(tx, ctx.tenantId);
    const keys = [
      ...active.sites.map((id) => `site:${id}`),
      ...active.partnerSites.map((id) => `partner-site:${id}`),
      ...legs.flatMap((l) => [l.from_node, l.to_node, ...atRestOf(l.at_rest).map((r) => r.node)]),
    ];
    const nodes = await resolveNodes(tx, ctx.tenantId, keys);
    const carrierIds = [...new Set(legs.flatMap((l) => (l.carrier_partner_id ? [l.carrier_partner_id] : [])))];
    const carriers = new Map((await findPartners(tx, ctx.tenantId, carrierIds)).map((p) => [p.id, p]));
    return {
      nodes: [...nodes.values()].filter((n) => !n.missing),
      legs: legs.map((l) => ({
        laneId: l.lane_id,
        laneName: l.lane_name,
        seq: l.seq,
        from: l.from_node,
        to: l.to_node,
        mode: l.mode,
        carrierPartnerId: l.carrier_partner_id,
        risk: maxRisk([
          nodes.get(l.from_node)?.risk,
          nodes.get(l.to_node)?.risk,
          l.carrier_partner_id ? carriers.get(l.carrier_partner_id)?.risk_level : null,
        ]),
      })),
    };
  });
}

/**
 * Tiers by breadth-first search over supplier relations: tier 1 = partners on live lanes or supplying no other
 * partner; a supplier of a tier-k partner is tier k+1 (its lowest such tier). Partners only reachable through a
 * relation cycle (the partners module refuses those) fall back to tier 1.
 */
export function assignTiers(
  partnerIds: readonly string[],
  relations: readonly { supplier_id: string; customer_id: string }[],
  onLanes: ReadonlySet<string>,
) {
  const known = new Set(partnerIds);
  const live = relations.filter((r) => known.has(r.supplier_id) && known.has(r.customer_id));
  const suppliersOf = new Map<string, string[]>();
  const hasCustomer = new Set<string>();
  for (const r of live) {
    hasCustomer.add(r.supplier_id);
    const list = suppliersOf.get(r.customer_id);
    if (list) list.push(r.supplier_id);
    else suppliersOf.set(r.customer_id, [r.supplier_id]);
  }
  const tier = new Map<string, number>();
  let frontier = partnerIds.filter((id) => onLanes.has(id) || !hasCustomer.has(id));
  for (const id of frontier) tier.set(id, 1);
  for (let t = 2; frontier.length > 0; t++) {
    const next: string[] = [];
    for (const customer of frontier) {
      for (const supplier of suppliersOf.get(customer) ?? []) {
        if (!tier.has(supplier)) {
          tier.set(supplier, t);
          next.push(supplier);
        }
      }
    }
    frontier = next;
  }
  for (const id of partnerIds) if (!tier.has(id)) tier.set(id, 1);
  return { tier, relations: live };
}

/** The tier graph of the company and its live partners, laid out by tier. */
export async function getSupplyChainGraph(options: { ctx: TenantCtx }): Promise<z.infer<typeof SupplyChainGraphSchema>> {
  const { ctx } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const partners = await livePartners(tx, ctx.tenantId);
    const relations = await supplierRelations(tx, ctx.tenantId);
    const onLanes = await partnerIdsOnLanes(tx, ctx.tenantId);
    const certified = await certificationStates(tx, ctx.tenantId, todayUtc(), null);
    const label = await companyName(tx, ctx.tenantId);
    const { tier, relations: live } = assignTiers(
      partners.map((p) => p.id),
      relations,
      onLanes,
    );
    const nodes: z.infer<typeof SupplyChainGraphSchema>["nodes"] = [
      { id: "company", kind: "company", label, tier: 0, partnerType: null, countryCode: null, status: null, risk: null, certified: null },
      ...partners.map((p) => ({
        id: p.id,
        kind: "partner" as const,
        label: p.name,
        tier: tier.get(p.id) ?? 1,
        partnerType: p.type,
        countryCode: p.country_code,
        status: p.status,
        risk: p.risk_level,
        certified: certified.get(p.id) ?? ("none" as const),
      })),
    ];
    const edges = [
      ...partners.filter((p) => tier.get(p.id) === 1).map((p) => ({ from: p.id, to: "company" })),
      ...live.map((r) => ({ from: r.supplier_id, to: r.customer_id })),
    ];
    return { nodes, edges, layout: layoutTiers(nodes as TierNode[], edges) };
  });
}

/** Every simple path (at most 1,000) between two nodes over live lane legs. */
export async function findPaths(options: { ctx: TenantCtx; from: string; to: string }): Promise<z.infer<typeof PathsSchema>> {
  const { ctx, from, to } = options;
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const hops = from === to ? [] : await hopsBetween(tx, ctx.tenantId, from, to);
    const { paths, truncated } = allPaths(buildAdjacency(hops.map((h) => ({ from: h.from_node, to: h.to_node }))), from, to, {
      maxPaths: MAX_PATHS,
    });
    const used = new Set(paths.flatMap((p) => p.slice(1).map((node, i) => `${p[i]}\n${node}`)));
    const usedHops = hops.filter((h) => used.has(`${h.from_node}\n${h.to_node}`));
    const nodes = await resolveNodes(tx, ctx.tenantId, paths.flat());
    return {
      from,
      to,
      paths,
      total: paths.length,
      truncated,
      hops: usedHops
        .map((h) => ({
          from: h.from_node,
          to: h.to_node,
          laneCount: h.lane_count,
          modes: [...h.modes].sort(),
          lanes: [...h.lanes].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
        }))
        .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
      nodes: [...nodes.values()],
    };
  });
}

/** Live lanes touching a partner (its sites at leg ends or at rest, or as carrier) or a country, a page at a time. */
export async function getImpact(options: { ctx: TenantCtx; query: ImpactQueryInput }): Promise<z.infer<typeof ImpactSchema>> {
  const { ctx, query } = options;
  const partnerId = query.partnerId ?? null;
  const countryCode = query.countryCode ?? null;
  if (partnerId !== null && !isUuid(partnerId)) throw notFound("Partner");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    let keys: string[];
    if (partnerId !== null) {
      const siteIds = await partnerSiteIds(tx, ctx.tenantId, partnerId);
      if (!siteIds) throw notFound("Partner");
      keys = siteIds.map((id) => `partner-site:${id}`);
    } else {
      keys = await countryNodeKeys(tx, ctx.tenantId, countryCode as string);
    }
    const page = await impactedLanes(tx, ctx.tenantId, { nodes: keys, carrierId: partnerId }, query);
    const legs = await findLegs(
      tx,
      ctx.tenantId,
      page.rows.map((r) => r.id),
    );
    const nodes = await resolveNodes(
      tx,
      ctx.tenantId,
      legs.flatMap((l) => [l.from_node, l.to_node, ...atRestOf(l.at_rest).map((r) => r.node)]),
    );
    const wanted = new Set(keys);
    const target = {
      nodes: new Set([...nodes.keys()].filter((k) => wanted.has(k))),
      carrierIds: new Set(partnerId ? [partnerId] : []),
    };
    const items = page.rows.map((lane) => {
      const own = legs.filter((l) => l.lane_id === lane.id);
      const view = own.map((l) => ({
        seq: l.seq,
        from: l.from_node,
        to: l.to_node,
        carrierPartnerId: l.carrier_partner_id,
        atRest: atRestOf(l.at_rest),
      }));
      const impact = laneImpact(view, target);
      const bySeq = new Map(own.map((l) => [l.seq, l]));
      return {
        id: lane.id,
        name: lane.name,
        origin: own[0]?.from_node ?? null,
        destination: own[own.length - 1]?.to_node ?? null,
        hits: (impact?.hits ?? []).map((h) => {
          const leg = bySeq.get(h.seq);
          return {
            seq: h.seq,
            from: leg?.from_node ?? "",
            to: leg?.to_node ?? "",
            mode: leg?.mode ?? "",
            carrierPartnerId: leg?.carrier_partner_id ?? null,
            reasons: h.reasons,
          };
        }),
        downstream: impact?.downstream ?? [],
      };
    });
    return {
      target: { partnerId, countryCode },
      items,
      total: page.total,
      limit: query.limit,
      offset: query.offset,
      nodes: [...nodes.values()],
    };
  });
}

/** Partners on live lanes (optionally one lane) without an active, unexpired CTPAT or MRA certification. */
export async function listUncertified(options: {
  ctx: TenantCtx;
  query: UncertifiedQueryInput;
}): Promise<z.infer<typeof UncertifiedSchema>> {
  const { ctx, query } = options;
  const laneId = query.laneId ?? null;
  if (laneId !== null && !isUuid(laneId)) throw notFound("Lane");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    if (laneId !== null && !(await findLane(tx, ctx.tenantId, laneId))) throw notFound("Lane");
    const run = (limit: number, offset: number) => uncertifiedPartners(tx, ctx.tenantId, { laneId, today: todayUtc(), limit, offset });
    const rows = await run(query.limit, query.offset);
    const total = rows[0]?.total ?? (query.offset > 0 ? ((await run(1, 0))[0]?.total ?? 0) : 0);
    const names = await laneNames(tx, ctx.tenantId, [...new Set(rows.flatMap((r) => r.lane_ids))]);
    const items = rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      countryCode: r.country_code,
      status: r.status,
      risk: r.risk_level,
      certified: r.lapsed ? ("expired" as const) : ("none" as const),
      roles: [...r.roles].sort() as ("site" | "at-rest" | "carrier")[],
      laneCount: r.lane_count,
      lanes: r.lane_ids
        .map((id) => ({ id, name: names.get(id) ?? "" }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    }));
    return { items, total, limit: query.limit, offset: query.offset };
  });
}
