/**
 * Test helpers for lanes and supply-chain queries. Partners, their sites, certifications and relations are written
 * with owner SQL, so these tests do not depend on the partners module's API.
 */
import { randomUUID } from "node:crypto";
import type { Caller } from "../../test/factories.ts";
import { unique } from "../../test/factories.ts";
import type { Harness } from "../../test/harness.ts";

export interface PartnerSpec {
  name?: string;
  type?: string;
  countryCode?: string;
  status?: string;
  risk?: "low" | "medium" | "high";
  archived?: boolean;
}

/** Insert a partner; returns its id. */
export async function insertPartner(h: Harness, tenantId: string, spec: PartnerSpec = {}): Promise<string> {
  const id = randomUUID();
  await h.rawQuery(
    `INSERT INTO partners (id, tenant_id, name, type, country_code, status, risk_level, archived_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 THEN now() END)`,
    [
      id,
      tenantId,
      spec.name ?? unique("Partner"),
      spec.type ?? "manufacturer",
      spec.countryCode ?? "MX",
      spec.status ?? "approved",
      spec.risk ?? "medium",
      spec.archived ?? false,
    ],
  );
  return id;
}

/** Insert a partner site; returns its node key (`partner-site:<id>`). */
export async function insertPartnerSite(
  h: Harness,
  tenantId: string,
  partnerId: string,
  spec: { name?: string; kind?: string; countryCode?: string; latitude?: number; longitude?: number; archived?: boolean } = {},
): Promise<string> {
  const id = randomUUID();
  await h.rawQuery(
    `INSERT INTO partner_sites (id, tenant_id, partner_id, name, kind, country_code, latitude, longitude, archived_at)
     VALUES ($1, $2, $3, $4, $9, $5, $6, $7, CASE WHEN $8 THEN now() END)`,
    [
      id,
      tenantId,
      partnerId,
      spec.name ?? unique("Plant"),
      spec.countryCode ?? "MX",
      spec.latitude ?? null,
      spec.longitude ?? null,
      spec.archived ?? false,
      spec.kind ?? "factory",
    ],
  );
  return `partner-site:${id}`;
}

/** Insert a certification (program "ctpat" or an MRA id). */
export async function insertCertification(
  h: Harness,
  tenantId: string,
  partnerId: string,
  spec: { program: string; status?: string; validTo?: string | null },
): Promise<void> {
  await h.rawQuery(
    `INSERT INTO partner_certifications (id, tenant_id, partner_id, program, status, valid_to) VALUES ($1, $2, $3, $4, $5, $6)`,
    [randomUUID(), tenantId, partnerId, spec.program, spec.status ?? "active", spec.validTo ?? null],
  );
}

/** Record that `supplierId` supplies `customerId`. */
export async function insertRelation(h: Harness, tenantId: string, supplierId: string, customerId: string): Promise<void> {
  await h.rawQuery("INSERT INTO partner_relations (tenant_id, supplier_id, customer_id) VALUES ($1, $2, $3)", [
    tenantId,
    supplierId,
    customerId,
  ]);
}

/** A leg body for the API. */
export const leg = (from: string, to: string, mode = "road", extra: Record<string, unknown> = {}) => ({ from, to, mode, ...extra });

/** Create a lane through the API (201 expected); returns its id. */
export async function createLaneFixture(caller: Caller, legs: unknown[], name = unique("Lane")): Promise<string> {
  const res = await caller.request("POST", "/api/lanes", { name, legs });
  if (res.statusCode !== 201) throw new Error(`lane fixture failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** A fingerprint of one company's lanes, legs and audit events: equal before and after = nothing changed. */
export async function laneState(h: Harness, tenantId: string): Promise<Record<string, string>> {
  const part = (t: string) =>
    `(SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM ${t} t WHERE t.tenant_id = $1) AS ${t}`;
  const rows = await h.rawQuery<Record<string, string>>(`SELECT ${["lanes", "lane_legs", "audit_events"].map(part).join(", ")}`, [
    tenantId,
  ]);
  return rows[0] ?? {};
}
