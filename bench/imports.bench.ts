/**
 * Partner import throughput: 100,000 partners with 300,000 supplier relations (partner → partner, the `supplier_keys`
 * column; partner sites are not counted) imported through the service (`importFile`: CSV parse, zod check of every
 * row, key matching, supplier resolution and cycle check, plan, batched writes in one RLS transaction, one audit event)
 * from a generated CSV, versus a raw load of exactly the rows the service writes (partners, identifiers, relations,
 * status history) with multi-row INSERT … VALUES statements of 1,000 rows on one connection in one transaction, as the
 * database owner, with the rows already in memory (no file, no checks). Both run in the same process on the same
 * database, into two fresh companies; the baseline runs first and again last, and the figure uses the faster of the two.
 * Notes give the dry run (read + check + plan, no writes) and the re-import of the same file (everything unchanged).
 *
 * Environment: BENCH_IMPORT_PARTNERS (default 100000), BENCH_IMPORT_RELATIONS (default 3 per partner),
 * BENCH_IMPORT_EMBEDDED_PARTNERS (PGlite size, default the same), BENCH_DBS (embedded,postgres).
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { RunningServer } from "@portcullis/server";
import type { TenantCtx } from "@portcullis/server/http/context.ts";
import type { ReceivedUpload } from "@portcullis/server/http/upload.ts";
import { importFile } from "@portcullis/server/modules/imports/imports.service.ts";
import type pg from "pg";
import { figure, fmt, note } from "./lib/report.ts";
import { createCompany, type DbKind, forEachDatabase, withServer } from "./lib/server.ts";

const PARTNERS = Number(process.env.BENCH_IMPORT_PARTNERS ?? 100_000);
const EMBEDDED_PARTNERS = Number(process.env.BENCH_IMPORT_EMBEDDED_PARTNERS ?? PARTNERS);
const RELATIONS_PER_PARTNER = Number(process.env.BENCH_IMPORT_RELATIONS ?? 3);
const TARGET = 0.5;
const TYPES = ["manufacturer", "proveedor", "highway-carrier", "transportista", "customs-broker", "3pl", "exporter"];
const TYPE_CODE: Record<string, string> = { proveedor: "manufacturer", transportista: "highway-carrier" };
const COUNTRIES = [
  ["MX", "MX"],
  ["México", "MX"],
  ["US", "US"],
  ["Estados Unidos", "US"],
  ["China", "CN"],
  ["DE", "DE"],
] as const;

interface Dataset {
  csv: string;
  partners: { key: string; name: string; type: string; country: string; risk: string; duns: string }[];
  /** Supplier index → customer index. */
  relations: [number, number][];
}

/** Partner i is supplied by up to RELATIONS_PER_PARTNER partners of lower index: a DAG, so no cycle. */
function generate(n: number): Dataset {
  // mulberry32: a small deterministic generator (integer arithmetic only, so no precision loss).
  let seed = 42;
  const rand = (m: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % m;
  };
  const partners: Dataset["partners"] = [];
  const relations: [number, number][] = [];
  const lines = ["clave;nombre;tipo;país;riesgo;identificadores;claves de proveedores"];
  for (let i = 0; i < n; i++) {
    const key = `P${String(i).padStart(6, "0")}`;
    // Accents, a comma and a semicolon inside quotes, as real registries have.
    const name = `Compañía ${i}, S.A. de C.V.; planta ${i % 97}`;
    const type = TYPES[i % TYPES.length] as string;
    const [countryText, country] = COUNTRIES[i % COUNTRIES.length] as readonly [string, string];
    const risk = ["bajo", "medio", "alto"][i % 3] as string;
    const duns = String(100_000_000 + i);
    const suppliers = new Set<number>();
    while (i > 0 && suppliers.size < Math.min(RELATIONS_PER_PARTNER, i)) suppliers.add(rand(i));
    for (const s of suppliers) relations.push([s, i]);
    partners.push({
      key,
      name,
      type: TYPE_CODE[type] ?? type,
      country,
      risk: { bajo: "low", medio: "medium", alto: "high" }[risk] as string,
      duns,
    });
    const supplierKeys = [...suppliers].map((s) => `P${String(s).padStart(6, "0")}`).join(", ");
    lines.push(`${key};"${name}";${type};${countryText};${risk};duns:${duns};${supplierKeys}`);
  }
  return { csv: `\uFEFF${lines.join("\r\n")}\r\n`, partners, relations };
}

/** The baseline: the same rows, multi-row INSERT … VALUES of 1,000 rows, one transaction, owner connection. */
async function rawLoad(pool: pg.Pool, tenantId: string, actorId: string | null, data: Dataset): Promise<number> {
  const ids = data.partners.map(() => randomUUID());
  const client = await pool.connect();
  const started = performance.now();
  try {
    await client.query("BEGIN");
    const insert = async (table: string, columns: string[], rows: unknown[][]) => {
      for (let at = 0; at < rows.length; at += 1000) {
        const chunk = rows.slice(at, at + 1000);
        const params: unknown[] = [];
        const tuples = chunk.map((r) => `(${r.map((v) => `$${params.push(v)}`).join(", ")})`);
        await client.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, params);
      }
    };
    await insert(
      "partners",
      ["id", "tenant_id", "external_key", "name", "type", "country_code", "risk_level", "status"],
      data.partners.map((p, i) => [ids[i], tenantId, p.key, p.name, p.type, p.country, p.risk, "prospect"]),
    );
    await insert(
      "partner_identifiers",
      ["tenant_id", "partner_id", "kind", "value"],
      data.partners.map((p, i) => [tenantId, ids[i], "duns", p.duns]),
    );
    await insert(
      "partner_relations",
      ["tenant_id", "supplier_id", "customer_id"],
      data.relations.map(([s, c]) => [tenantId, ids[s], ids[c]]),
    );
    await insert(
      "partner_status_history",
      ["id", "tenant_id", "partner_id", "to_status", "reason", "actor_id"],
      ids.map((id) => [randomUUID(), tenantId, id, "prospect", "import", actorId]),
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
  return performance.now() - started;
}

async function company(server: RunningServer, label: string): Promise<TenantCtx> {
  const { tenantId, ownerUserId } = await createCompany(server, {
    legalName: `Bench imports ${label}`,
    ownerEmail: `bench-imports-${label}-${process.pid}@example.test`,
  });
  return { db: server.db.kysely, tenantId, actor: { id: ownerUserId, label: "bench" }, userId: ownerUserId, requestId: null };
}

async function viaService(ctx: TenantCtx, file: string, dryRun: boolean) {
  const data = fs.readFileSync(file);
  const upload: ReceivedUpload = {
    fields: { kind: "partners", dryRun: String(dryRun) },
    file: {
      tmpPath: file,
      filename: "partners.csv",
      declaredType: "text/csv",
      sha256: createHash("sha256").update(data).digest("hex"),
      size: data.length,
    },
    discard: async () => undefined,
  };
  const started = performance.now();
  const report = await importFile({ ctx, upload, canApprove: true });
  return { ms: performance.now() - started, report };
}

async function benchDatabase(kind: DbKind): Promise<void> {
  const n = kind === "embedded" ? EMBEDDED_PARTNERS : PARTNERS;
  await withServer(kind, "portcullis-bench-imports", async (server, dataDir) => {
    const data = generate(n);
    const file = path.join(dataDir, "partners.csv");
    fs.writeFileSync(file, data.csv);
    const rows = n + data.relations.length;
    note(
      `imports on ${kind}: ${n.toLocaleString("en-US")} partners, ${data.relations.length.toLocaleString("en-US")} supplier relations, ` +
        `${n.toLocaleString("en-US")} identifiers; CSV ${fmt(data.csv.length / 1024 / 1024)} MB (upload cap 20 MB)${n < PARTNERS ? ` — smaller than the ${PARTNERS.toLocaleString("en-US")} of PostgreSQL, set by BENCH_IMPORT_EMBEDDED_PARTNERS` : ""}`,
    );
    // Warm both paths up on a small file so the figure measures the steady state, not the first JIT.
    const warm = path.join(dataDir, "warm.csv");
    const small = generate(2000);
    fs.writeFileSync(warm, small.csv);
    await viaService(await company(server, "warm-service"), warm, false);
    await rawLoad(server.db.pool, (await company(server, "warm-raw")).tenantId, null, small);

    const first = await company(server, "raw1");
    const raw1 = await rawLoad(server.db.pool, first.tenantId, first.userId, data);
    const ctx = await company(server, "service");
    const dry = await viaService(ctx, file, true);
    const commit = await viaService(ctx, file, false);
    if (commit.report.create !== n || commit.report.totalErrors !== 0)
      throw new Error(`service import went wrong: ${JSON.stringify(commit.report).slice(0, 400)}`);
    const again = await viaService(ctx, file, false);
    if (again.report.unchanged !== n) throw new Error(`re-import changed something: ${JSON.stringify(again.report).slice(0, 400)}`);
    const second = await company(server, "raw2");
    const raw2 = await rawLoad(server.db.pool, second.tenantId, second.userId, data);
    const raw = Math.min(raw1, raw2);
    note(
      `${kind}: raw multi-row INSERT ${fmt(raw1 / 1000)} s then ${fmt(raw2 / 1000)} s; service commit ${fmt(commit.ms / 1000)} s ` +
        `(dry run alone: read + check + plan ${fmt(dry.ms / 1000)} s); re-import of the same file, all ${n.toLocaleString("en-US")} unchanged: ${fmt(again.ms / 1000)} s`,
    );
    const perSecond = (ms: number) => rows / (ms / 1000);
    figure({
      name: `imports.${kind}.partners-${n >= 1000 ? `${n / 1000}k` : n}`,
      value: perSecond(commit.ms),
      unit: "rows/s",
      ratio: raw / commit.ms,
      target: { op: "≥", value: TARGET, unit: "×" },
    });
  });
}

note(
  "baseline: the same rows as raw multi-row INSERT … VALUES (1,000 rows per statement) in one transaction as the owner; rows = partners + relations",
);
await forEachDatabase(benchDatabase);
