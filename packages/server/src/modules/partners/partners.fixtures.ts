/** Helpers for the partner registry's tests: creating partners through the API and fingerprinting the tables. */
import type { Caller } from "../../test/factories.ts";
import { unique } from "../../test/factories.ts";
import type { Harness } from "../../test/harness.ts";

const TABLES = [
  "partners",
  "partner_status_history",
  "partner_sites",
  "partner_contacts",
  "partner_identifiers",
  "partner_certifications",
  "partner_screenings",
  "partner_relations",
  "audit_events",
] as const;

/**
 * A fingerprint of every partner table of one company (row count and a digest of the rows) plus its audit
 * event count: equal before and after means a refused request changed nothing.
 */
export async function partnerState(h: Harness, tenantId: string): Promise<Record<string, string>> {
  const parts = TABLES.map(
    (t) =>
      `(SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM ${t} t WHERE t.tenant_id = $1) AS ${t}`,
  );
  const rows = await h.rawQuery<Record<string, string>>(`SELECT ${parts.join(", ")}`, [tenantId]);
  return rows[0] ?? {};
}

/** Create a partner through the API (201 expected) and return its id. */
export async function createPartnerFixture(caller: Caller, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await caller.request("POST", "/api/partners", {
    name: unique("Partner"),
    type: "manufacturer",
    countryCode: "MX",
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`partner fixture failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** Audit actions recorded for one entity, oldest first. */
export async function auditActions(caller: Caller, entityType: string, entityId: string): Promise<string[]> {
  const res = await caller.request("GET", `/api/audit/events?entityType=${entityType}&entityId=${entityId}&limit=200`);
  if (res.statusCode !== 200) throw new Error(`audit read failed: ${res.statusCode} ${res.body}`);
  return (res.json().items as { action: string; seq: number }[]).sort((a, b) => a.seq - b.seq).map((e) => e.action);
}
