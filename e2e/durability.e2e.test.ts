/**
 * Crash durability: kill -9 the server while it writes, restart, repeat; every write it acknowledged
 * (201 with an id) must survive, and the audit chain must still verify. Runs on both databases: an
 * embedded data dir, and a fresh PostgreSQL database created and dropped here (TEST_POSTGRES=off leaves
 * PostgreSQL out; TEST_DATABASE_URL points at another server).
 *
 * Each database: tenant + token through the CLI once; then ≥ 5 cycles of `portcullis serve` with
 * 8 concurrent POST /api/sites writers and a SIGKILL at a random point mid-write; ≥ 2,000 acknowledged
 * writes in all; < 4 minutes. The final check goes through the API (list every site, verify the chain)
 * and then straight to the database (each site has exactly one site.create event: no half-commits).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  asOwner,
  BUDGET_MS,
  CYCLES_UNTIL_MS,
  type CycleResult,
  cli,
  KILL_AFTER_ACKS,
  listAllSites,
  MAX_CYCLES,
  MIN_ACKED,
  MIN_CYCLES,
  pgAdminUrl,
  randomInt,
  startServe,
  stopServe,
  type Target,
  writeAndKill,
} from "./support/durability.ts";

async function crashCycles(t: Target): Promise<void> {
  const t0 = Date.now();
  const tenant = await cli(t, [
    "tenant",
    "create",
    "--name",
    `Durability ${t.kind} ${randomBytes(3).toString("hex")}`,
    "--entity-type",
    "importer",
    "--admin-email",
    "durability@example.test",
    "--admin-password",
    "durability-password-123",
  ]);
  const tenantId = String(tenant.tenantId);
  const token = String((await cli(t, ["token", "create", "--email", "durability@example.test", "--tenant", tenantId])).token);
  expect(token).toMatch(/^pc_/);
  const setupMs = Date.now() - t0;

  const acked = new Map<string, string>();
  const cycles: Array<CycleResult & { startMs: number; killAfter: number }> = [];
  while (cycles.length < MAX_CYCLES && (cycles.length < MIN_CYCLES || acked.size < MIN_ACKED) && Date.now() - t0 < CYCLES_UNTIL_MS) {
    const s0 = Date.now();
    const server = await startServe(t);
    const startMs = Date.now() - s0;
    const killAfter = randomInt(...KILL_AFTER_ACKS);
    cycles.push({ ...(await writeAndKill(server, token, cycles.length + 1, killAfter, acked)), startMs, killAfter });
  }

  // Restart after the last kill and check everything through the API.
  const final = await startServe(t);
  let found: Set<string>;
  let verify: { ok: boolean; events: number; headSeq: number; checkpointsChecked: number; break: unknown };
  try {
    found = await listAllSites(final, token);
    const res = await fetch(`${final.url}/api/audit/verify`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    verify = (await res.json()) as typeof verify;
  } finally {
    await stopServe(final);
  }
  const lost = [...acked.keys()].filter((id) => !found.has(id));

  // Then straight from the database: each site has exactly one site.create event (site and event commit together).
  let orphans = { site_rows: -1, sites_without_event: -1, events_without_site: -1 };
  await asOwner(t, async (query) => {
    const rows = await query(
      `SELECT
         (SELECT count(*)::int FROM sites s WHERE s.tenant_id = $1) AS site_rows,
         (SELECT count(*)::int FROM sites s WHERE s.tenant_id = $1 AND (SELECT count(*) FROM audit_events e
            WHERE e.tenant_id = s.tenant_id AND e.entity_type = 'site' AND e.entity_id = s.id::text AND e.action = 'site.create') <> 1) AS sites_without_event,
         (SELECT count(*)::int FROM audit_events e WHERE e.tenant_id = $1 AND e.action = 'site.create'
            AND NOT EXISTS (SELECT 1 FROM sites s WHERE s.id::text = e.entity_id)) AS events_without_site`,
      [tenantId],
    );
    orphans = rows[0] as typeof orphans;
  });

  const totalMs = Date.now() - t0;
  const sum = (k: keyof CycleResult) => cycles.reduce((n, c) => n + c[k], 0);
  console.log(
    [
      `durability ${t.kind}: ${cycles.length} kill -9 cycles, ${acked.size} acknowledged writes, ${sum("inDoubt")} in flight at a kill (outcome unknown), ` +
        `${sum("refused")} refused; after restart: ${found.size} sites (${found.size - acked.size} of the in-flight ones committed), lost ${lost.length}; ` +
        `audit verify ok=${verify.ok} events=${verify.events} checkpoints=${verify.checkpointsChecked}; ` +
        `db: ${orphans.site_rows} site rows, ${orphans.sites_without_event} without exactly one site.create event, ${orphans.events_without_site} events without a site; ` +
        `${(totalMs / 1000).toFixed(1)} s (setup via CLI ${(setupMs / 1000).toFixed(1)} s)`,
      ...cycles.map(
        (c, i) =>
          `  cycle ${i + 1}: healthy in ${(c.startMs / 1000).toFixed(1)} s, ${c.acked} acknowledged in ${(c.writeMs / 1000).toFixed(1)} s (kill after ${c.killAfter}), ${c.inDoubt} in flight at the kill`,
      ),
    ].join("\n"),
  );

  expect(cycles.length).toBeGreaterThanOrEqual(MIN_CYCLES);
  expect(acked.size).toBeGreaterThanOrEqual(MIN_ACKED);
  expect(lost).toEqual([]);
  expect(verify).toMatchObject({ ok: true, break: null });
  expect(verify.events).toBeGreaterThanOrEqual(acked.size);
  expect(orphans).toEqual({ site_rows: found.size, sites_without_event: 0, events_without_site: 0 });
  expect(totalMs).toBeLessThan(BUDGET_MS);
}

describe("durability: kill -9 while writing loses no acknowledged write", () => {
  const dirs: string[] = [];
  const databases: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), "portcullis-durability-"));
    dirs.push(d);
    return d;
  };

  afterAll(async () => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    if (databases.length) {
      const admin = new pg.Client({ connectionString: pgAdminUrl });
      await admin.connect();
      for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it("embedded database (PGlite data dir)", async () => {
    await crashCycles({ kind: "embedded", dataDir: tmp() });
  }, 300_000);

  it.skipIf(process.env.TEST_POSTGRES === "off")(
    "PostgreSQL (a fresh database)",
    async () => {
      const name = `pc_durability_${process.pid}_${randomBytes(3).toString("hex")}`;
      const admin = new pg.Client({ connectionString: pgAdminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      databases.push(name);
      const url = new URL(pgAdminUrl);
      url.pathname = `/${name}`;
      await crashCycles({ kind: "postgres", dataDir: tmp(), databaseUrl: url.toString() });
    },
    300_000,
  );
});
