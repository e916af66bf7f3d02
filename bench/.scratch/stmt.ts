import fs from "node:fs";
import { loadConfig, startServer, SYSTEM_ACTOR } from "@portcullis/server";
import { createTenant } from "@portcullis/server/modules/tenants/tenants.service.ts";
import { createToken } from "@portcullis/server/modules/tokens/tokens.service.ts";
import { sha256Hex } from "@portcullis/server/auth/crypto.ts";
import { createPgDatabase, dropPgDatabase, tmpDir } from "../lib/env.ts";

for (const kind of ["embedded", "postgres"]) {
  const dataDir = tmpDir("stmt");
  const pgDb = kind === "postgres" ? await createPgDatabase() : null;
  const server = await startServer(loadConfig({ LOG_LEVEL: "silent", PORTCULLIS_DEMO: "false", PORT: "0", ...(pgDb ? { DATABASE_URL: pgDb.url } : {}) } as never, { dataDir }), { webDist: null });
  const { tenant, ownerUserId } = await createTenant({ db: server.db.kysely, input: { legalName: "X", entityTypes: ["importer"] }, owner: { email: "a@b.test", password: "pw123456789" }, actor: SYSTEM_ACTOR });
  const { token } = await createToken({ db: server.db.kysely, tenantId: tenant.id, userId: ownerUserId, actor: SYSTEM_ACTOR, input: { name: "b" } });
  await server.db.pool.query(`INSERT INTO sites (id, tenant_id, name, kind, country_code) SELECT gen_random_uuid(), $1, 'S'||g, 'warehouse', 'MX' FROM generate_series(1,500) g`, [tenant.id]);
  const { rows } = await server.db.pool.query("SELECT id FROM sites LIMIT 1");
  const id = rows[0].id;
  const c = await server.db.pool.connect();
  const th = sha256Hex(token);
  const stmts: Array<[string, string, unknown[]]> = [
    ["select1", "SELECT 1", []],
    ["auth_token", "SELECT * FROM auth_token($1)", [th]],
    ["begin", "BEGIN", []],
    ["set_config", "SELECT set_config('role','portcullis_app',true), set_config('app.tenant_id',$1,true), set_config('app.user_id',$2,true), set_config('app.token_hash',$3,true)", [tenant.id, ownerUserId, ""]],
    ["site (rls)", 'select * from "sites" where "tenant_id" = $1 and "id" = $2', [tenant.id, id]],
    ["commit", "COMMIT", []],
    ["site (owner)", 'select * from "sites" where "tenant_id" = $1 and "id" = $2', [tenant.id, id]],
    ["begin;set_config simple", `BEGIN; SELECT set_config('role','portcullis_app',true), set_config('app.tenant_id','${tenant.id}',true)`, []],
    ["rollback", "ROLLBACK", []],
  ];
  const N = 2000;
  const totals = new Map<string, number>();
  for (let i = 0; i < N; i++) {
    for (const [name, text, vals] of stmts) {
      const t0 = performance.now();
      await c.query(text, vals.length ? vals : undefined);
      totals.set(name, (totals.get(name) ?? 0) + performance.now() - t0);
    }
  }
  console.log(kind);
  for (const [k, v] of totals) console.log(`  ${k}: ${((v / N) * 1000).toFixed(0)} µs`);
  c.release();
  await server.stop();
  if (pgDb) await dropPgDatabase(pgDb.name);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
