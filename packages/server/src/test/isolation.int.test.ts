import { randomUUID } from "node:crypto";
import { CompiledQuery } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withScope } from "../db/tx.ts";
import { addCaller, type Caller, createSiteFixture, createTenantFixture } from "./factories.ts";
import { createHarness, type Harness } from "./harness.ts";

/** Tables whose rows belong to one company, and the column that says which. */
const TENANT_TABLES: Record<string, string> = {
  sites: "tenant_id",
  audit_events: "tenant_id",
  audit_heads: "tenant_id",
  audit_checkpoints: "tenant_id",
  api_tokens: "tenant_id",
  memberships: "tenant_id",
  tenants: "id",
};

describe("row-level security is the second layer of tenant isolation", () => {
  let h: Harness;
  let a: Caller;
  let b: Caller;
  let bSite: string;

  /** Run raw SQL the way the app does: one transaction as portcullis_app scoped to a tenant. */
  const asApp = <T = Record<string, unknown>>(scope: { tenantId?: string; userId?: string }, text: string, values: unknown[] = []) =>
    withScope(h.db.kysely, scope, async (tx) => (await tx.executeQuery<T>(CompiledQuery.raw(text, values))).rows);

  beforeAll(async () => {
    h = await createHarness();
    a = await createTenantFixture(h);
    b = await createTenantFixture(h);
    for (const who of [a, b]) {
      await createSiteFixture(who);
      await addCaller(h, who.tenantId, "auditor");
      const cp = await who.request("POST", "/api/audit/checkpoints");
      expect(cp.statusCode).toBe(201);
    }
    bSite = await createSiteFixture(b);
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  it("runs scoped work as portcullis_app, which is neither superuser nor BYPASSRLS", async () => {
    const [who] = await asApp<{ u: string }>({ tenantId: a.tenantId }, "SELECT current_user AS u");
    expect(who?.u).toBe("portcullis_app");
    const [role] = await h.rawQuery<{ rolsuper: boolean; rolbypassrls: boolean }>(
      "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'portcullis_app'",
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it("an unfiltered SELECT inside tenant A's scope sees only tenant A's rows", async () => {
    for (const [table, column] of Object.entries(TENANT_TABLES)) {
      // The owner sees both companies' rows, so the filtering below is RLS and not an empty table.
      const all = await h.rawQuery<{ t: string }>(`SELECT DISTINCT ${column}::text AS t FROM ${table}`);
      expect(all.map((r) => r.t).sort(), `owner view of ${table}`).toEqual(expect.arrayContaining([a.tenantId, b.tenantId]));

      for (const scope of [{ tenantId: a.tenantId }, { tenantId: a.tenantId, userId: a.userId }]) {
        const rows = await asApp<Record<string, unknown>>(scope, `SELECT * FROM ${table}`);
        expect(rows.length, `${table} rows in A's scope`).toBeGreaterThan(0);
        const owners = new Set(rows.map((r) => String(r[column])));
        expect([...owners], `${table} seen from A's scope ${JSON.stringify(Object.keys(scope))}`).toEqual([a.tenantId]);
      }
      // No tenant at all: nothing.
      const none = await asApp({}, `SELECT * FROM ${table}`);
      expect(none, `${table} with no tenant in scope`).toEqual([]);
    }
  });

  it("refuses rows written into tenant B from tenant A's scope, and cannot change B's rows", async () => {
    const before = await h.rawQuery<{ n: number }>("SELECT count(*)::int AS n FROM sites WHERE tenant_id = $1", [b.tenantId]);
    const attempts: [string, string, unknown[]][] = [
      [
        "sites",
        "INSERT INTO sites (id, tenant_id, name, kind, country_code) VALUES ($1, $2, 'planted', 'office', 'MX')",
        [randomUUID(), b.tenantId],
      ],
      [
        "audit_events",
        "INSERT INTO audit_events (id, tenant_id, seq, actor_label, action, entity_type, occurred_at, prev_hash, hash) " +
          "VALUES ($1, $2, 999, 'x', 'x', 'x', 'x', 'x', 'x')",
        [randomUUID(), b.tenantId],
      ],
      [
        "api_tokens",
        "INSERT INTO api_tokens (id, tenant_id, user_id, name, token_hash, prefix) VALUES ($1, $2, $3, 'planted', $4, 'pc_')",
        [randomUUID(), b.tenantId, a.userId, randomUUID()],
      ],
      ["memberships", "INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'owner')", [b.tenantId, a.userId]],
    ];
    for (const [table, text, values] of attempts) {
      await expect(asApp({ tenantId: a.tenantId, userId: a.userId }, text, values), `insert into ${table}`).rejects.toThrow(
        /row-level security/i,
      );
    }
    // Moving one of A's rows into B is refused by the policy's WITH CHECK.
    const [aSite] = await h.rawQuery<{ id: string }>("SELECT id FROM sites WHERE tenant_id = $1 LIMIT 1", [a.tenantId]);
    await expect(asApp({ tenantId: a.tenantId }, "UPDATE sites SET tenant_id = $1 WHERE id = $2", [b.tenantId, aSite?.id])).rejects.toThrow(
      /row-level security/i,
    );
    // B's rows are invisible to UPDATE: nothing matches, nothing changes.
    const updated = await asApp<{ id: string }>({ tenantId: a.tenantId }, "UPDATE sites SET name = 'hijacked' WHERE id = $1 RETURNING id", [
      bSite,
    ]);
    expect(updated).toEqual([]);
    const renamed = await asApp<{ id: string }>(
      { tenantId: a.tenantId },
      "UPDATE tenants SET legal_name = 'hijacked' WHERE id = $1 RETURNING id",
      [b.tenantId],
    );
    expect(renamed).toEqual([]);
    const [site] = await h.rawQuery<{ name: string }>("SELECT name FROM sites WHERE id = $1", [bSite]);
    expect(site?.name).not.toBe("hijacked");
    const after = await h.rawQuery<{ n: number }>("SELECT count(*)::int AS n FROM sites WHERE tenant_id = $1", [b.tenantId]);
    expect(after[0]?.n).toBe(before[0]?.n);
    const [tenant] = await h.rawQuery<{ legal_name: string }>("SELECT legal_name FROM tenants WHERE id = $1", [b.tenantId]);
    expect(tenant?.legal_name).not.toBe("hijacked");
  });

  it("hides another company's sessions (and their CSRF tokens) from a tenant scope; they cannot be revoked from there", async () => {
    const scope = { tenantId: a.tenantId, userId: a.userId };
    const seen = await asApp<{ tenant_id: string | null; user_id: string }>(scope, "SELECT tenant_id, user_id, csrf_token FROM sessions");
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.tenant_id !== a.tenantId && s.user_id !== a.userId)).toEqual([]);
    const revoked = await asApp(scope, "UPDATE sessions SET revoked_at = now() WHERE tenant_id = $1 RETURNING id_hash", [b.tenantId]);
    expect(revoked).toEqual([]);
    const deleted = await asApp(scope, "DELETE FROM sessions WHERE tenant_id = $1 RETURNING id_hash", [b.tenantId]);
    expect(deleted).toEqual([]);
    expect((await b.request("GET", "/api/auth/me")).statusCode).toBe(200);
  });

  it("hides another company's jobs from a tenant scope and refuses enqueuing into it", async () => {
    for (const t of [a.tenantId, b.tenantId]) {
      await h.rawQuery("INSERT INTO jobs (id, name, tenant_id) VALUES ($1, 'isolation.probe', $2)", [randomUUID(), t]);
    }
    const seen = await asApp<{ tenant_id: string | null }>(
      { tenantId: a.tenantId },
      "SELECT tenant_id FROM jobs WHERE name = 'isolation.probe'",
    );
    expect(seen.map((j) => j.tenant_id)).toEqual([a.tenantId]);
    await expect(
      asApp({ tenantId: a.tenantId }, "INSERT INTO jobs (id, name, tenant_id) VALUES ($1, 'isolation.probe', $2)", [
        randomUUID(),
        b.tenantId,
      ]),
    ).rejects.toThrow(/row-level security/i);
    const cancelled = await asApp({ tenantId: a.tenantId }, "DELETE FROM jobs WHERE tenant_id = $1 RETURNING id", [b.tenantId]);
    expect(cancelled).toEqual([]);
  });

  it("has FORCE ROW LEVEL SECURITY on every tenant-owned table (the owner is filtered too, bar its own policy)", async () => {
    const rows = await h.rawQuery<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname = ANY($1)",
      [Object.keys(TENANT_TABLES)],
    );
    expect(rows.map((r) => r.relname).sort()).toEqual(Object.keys(TENANT_TABLES).sort());
    for (const r of rows) {
      expect({ table: r.relname, enabled: r.relrowsecurity, forced: r.relforcerowsecurity }).toEqual({
        table: r.relname,
        enabled: true,
        forced: true,
      });
    }
  });

  it("meta: every table with a tenant_id column has RLS enabled and forced and a policy that applies to the app role", async () => {
    const tables = await h.rawQuery<{ relname: string; enabled: boolean; forced: boolean; app_policies: number }>(
      `SELECT c.relname, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policies p
                WHERE p.schemaname = 'public' AND p.tablename = c.relname
                  AND (p.roles && ARRAY['public', 'portcullis_app']::name[])) AS app_policies
         FROM pg_class c
        WHERE c.relkind IN ('r', 'p') AND c.relnamespace = 'public'::regnamespace
          AND (c.relname = 'tenants' OR EXISTS (
                SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped))
        ORDER BY c.relname`,
    );
    // Sanity: the catalog query finds the tables we know about.
    expect(tables.map((t) => t.relname)).toEqual(expect.arrayContaining(Object.keys(TENANT_TABLES)));
    const unprotected = tables.filter((t) => !t.enabled || !t.forced || t.app_policies === 0);
    expect(unprotected).toEqual([]);
  });
});
