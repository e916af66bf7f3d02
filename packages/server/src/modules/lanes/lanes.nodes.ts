/**
 * What node keys stand for: the company's sites, partners' sites (with the partner's status and risk) and packaged
 * locations. Partner tables are read directly here, so this module does not wait on the partners service.
 * Everything runs inside the caller's scoped transaction: another company's site is simply not found.
 */
import { getLocation, parseNodeKey } from "@portcullis/domain";
import { sql } from "kysely";
import type { Tx } from "../../db/tx.ts";
import type { NodeInfo } from "./lanes.schema.ts";

/** A partner row as the supply-chain views need it. */
export interface PartnerFacts {
  id: string;
  name: string;
  type: string;
  country_code: string;
  status: string;
  risk_level: string;
  archived_at: Date | null;
}

interface SiteFacts {
  id: string;
  name: string;
  country_code: string;
  latitude: number | null;
  longitude: number | null;
  archived_at: Date | null;
}

interface PartnerSiteFacts extends SiteFacts {
  partner_id: string;
  partner_name: string;
  partner_status: string;
  partner_risk: string;
  partner_archived_at: Date | null;
}

/** Own sites by id (any state). */
export async function findSites(tx: Tx, tenantId: string, ids: readonly string[]): Promise<SiteFacts[]> {
  if (ids.length === 0) return [];
  return tx
    .selectFrom("sites")
    .select(["id", "name", "country_code", "latitude", "longitude", "archived_at"])
    .where("tenant_id", "=", tenantId)
    .where(sql<boolean>`id = ANY(${[...ids]}::uuid[])`)
    .execute();
}

/** Partner sites by id with their partner (any state). */
export async function findPartnerSites(tx: Tx, tenantId: string, ids: readonly string[]): Promise<PartnerSiteFacts[]> {
  if (ids.length === 0) return [];
  return tx
    .selectFrom("partner_sites as s")
    .innerJoin("partners as p", (j) => j.onRef("p.tenant_id", "=", "s.tenant_id").onRef("p.id", "=", "s.partner_id"))
    .select([
      "s.id",
      "s.name",
      "s.country_code",
      "s.latitude",
      "s.longitude",
      "s.archived_at",
      "p.id as partner_id",
      "p.name as partner_name",
      "p.status as partner_status",
      "p.risk_level as partner_risk",
      "p.archived_at as partner_archived_at",
    ])
    .where("s.tenant_id", "=", tenantId)
    .where(sql<boolean>`s.id = ANY(${[...ids]}::uuid[])`)
    .execute();
}

/** Partners by id (any state). */
export async function findPartners(tx: Tx, tenantId: string, ids: readonly string[]): Promise<PartnerFacts[]> {
  if (ids.length === 0) return [];
  return tx
    .selectFrom("partners")
    .select(["id", "name", "type", "country_code", "status", "risk_level", "archived_at"])
    .where("tenant_id", "=", tenantId)
    .where(sql<boolean>`id = ANY(${[...ids]}::uuid[])`)
    .execute();
}

const base = { partnerId: null, partnerName: null, status: null, risk: null, locationKind: null, archived: false, missing: false };

/** Display facts of an own site. */
export function siteNode(s: SiteFacts): NodeInfo {
  return {
    ...base,
    id: `site:${s.id}`,
    kind: "site",
    label: s.name,
    countryCode: s.country_code,
    latitude: s.latitude,
    longitude: s.longitude,
    archived: s.archived_at !== null,
  };
}

/** Display facts of a partner site. */
export function partnerSiteNode(s: PartnerSiteFacts): NodeInfo {
  return {
    ...base,
    id: `partner-site:${s.id}`,
    kind: "partner-site",
    label: `${s.partner_name} – ${s.name}`,
    countryCode: s.country_code,
    latitude: s.latitude,
    longitude: s.longitude,
    partnerId: s.partner_id,
    partnerName: s.partner_name,
    status: s.partner_status,
    risk: s.partner_risk,
    archived: s.archived_at !== null || s.partner_archived_at !== null,
  };
}

/** Display facts of a packaged location, or null for an unknown code. */
export function portNode(code: string): NodeInfo | null {
  const l = getLocation(code);
  if (!l) return null;
  return {
    ...base,
    id: `port:${l.code}`,
    kind: "port",
    label: l.name,
    countryCode: l.countryCode,
    latitude: l.latitude,
    longitude: l.longitude,
    locationKind: l.kind,
  };
}

function missingNode(key: string): NodeInfo {
  const kind = parseNodeKey(key)?.kind ?? "port";
  return { ...base, id: key, kind, label: key, countryCode: null, latitude: null, longitude: null, missing: true };
}

/** Resolve node keys (three queries at most); unknown keys come back with `missing: true`. */
export async function resolveNodes(tx: Tx, tenantId: string, keys: Iterable<string>): Promise<Map<string, NodeInfo>> {
  const wanted = [...new Set(keys)];
  const siteIds: string[] = [];
  const partnerSiteIds: string[] = [];
  const out = new Map<string, NodeInfo>();
  for (const key of wanted) {
    const ref = parseNodeKey(key);
    if (ref?.kind === "site") siteIds.push(ref.id);
    else if (ref?.kind === "partner-site") partnerSiteIds.push(ref.id);
    else if (ref?.kind === "port") {
      const node = portNode(ref.id);
      if (node) out.set(key, node);
    }
  }
  const [sites, partnerSites] = [await findSites(tx, tenantId, siteIds), await findPartnerSites(tx, tenantId, partnerSiteIds)];
  for (const s of sites) out.set(`site:${s.id}`, siteNode(s));
  for (const s of partnerSites) out.set(`partner-site:${s.id}`, partnerSiteNode(s));
  for (const key of wanted) if (!out.has(key)) out.set(key, missingNode(key));
  return out;
}
