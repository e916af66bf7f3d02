import { loadConfig, openDatabase, SYSTEM_ACTOR } from "@portcullis/server";
import { findPaths, getImpact } from "@portcullis/server/modules/lanes/supply-chain.service.ts";
import { tmpDir } from "./lib/env.ts";
const [url, tenantId] = [process.argv[2] as string, process.argv[3] as string];
const config = loadConfig({ LOG_LEVEL: "silent", DATABASE_URL: url } as NodeJS.ProcessEnv, { dataDir: tmpDir("scratch") });
const db = await openDatabase(config);
const ctx = { db: db.kysely, tenantId, actor: SYSTEM_ACTOR, userId: null, requestId: null };
const pool = db.pool;
const pairs = (await pool.query(`SELECT a.from_node AS "from", x3.to_node AS "to" FROM lane_legs a
       JOIN lane_legs b ON b.tenant_id = a.tenant_id AND b.from_node = a.to_node AND b.seq = 1
       JOIN lane_legs x1 ON x1.tenant_id = a.tenant_id AND x1.from_node = b.to_node AND x1.seq = 1
       JOIN lane_legs x3 ON x3.tenant_id = a.tenant_id AND x3.lane_id = x1.lane_id AND x3.seq = 3
       WHERE a.tenant_id = $1 AND a.seq = 1 AND a.from_node LIKE 'partner-site:%' ORDER BY a.lane_id LIMIT 50`, [tenantId])).rows;
const mf = (await pool.query("SELECT id FROM partners WHERE tenant_id = $1 AND external_key LIKE 'M%' ORDER BY id LIMIT 50", [tenantId])).rows.map((r) => r.id);
const sea = (await pool.query("SELECT id FROM partners WHERE tenant_id = $1 AND type = 'sea-carrier' ORDER BY external_key LIMIT 1", [tenantId])).rows[0].id;
async function t(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await fn(i);
  const s: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); await fn(i); s.push(performance.now() - t0); }
  s.sort((a, b) => a - b);
  console.log(label, "p50", s[Math.floor(n * 0.5)]?.toFixed(1), "p95", s[Math.floor(n * 0.95)]?.toFixed(1));
}
const which = process.argv[4] ?? "all";
if (which === "all" || which === "paths") await t("paths", 100, (i) => findPaths({ ctx, from: pairs[i % 50].from, to: pairs[i % 50].to }));
if (which === "all" || which === "partner") await t("impact-partner", 100, (i) => getImpact({ ctx, query: { partnerId: mf[i % 50], limit: 50, offset: 0 } }));
if (which === "all" || which === "carrier") await t("impact-carrier", 50, () => getImpact({ ctx, query: { partnerId: sea, limit: 50, offset: 0 } }));
if (which === "all" || which === "country") await t("impact-country", 20, () => getImpact({ ctx, query: { countryCode: "VN", limit: 50, offset: 0 } }));
await db.close();
