/**
 * Denied-party screening: rescreen 1,000 partners against a 10,000-entry list with the real service (scoped
 * transaction, entries and partners read from the database, prefix-indexed fuzzy matching, matches recorded with
 * ON CONFLICT, audit event) versus a baseline over the same rows in the same run: read the same columns, then a plain
 * hash join on the exact normalized name (what screening would be without fuzzy matching). Runs alternate
 * baseline/service so noise on a shared machine hits both alike; the figure is the median ratio. The list is imported
 * through the service (CSV parsed, normalized, multi-row inserts, rescreen), which is reported as a note.
 *
 * Environment: BENCH_ENTRIES (default 10000), BENCH_PARTNERS (default 1000), BENCH_RUNS (default 5),
 * BENCH_DBS (embedded,postgres).
 */
import { createHash } from "node:crypto";
import { type RunningServer, SYSTEM_ACTOR } from "@portcullis/server";
import type { TenantCtx } from "@portcullis/server/http/context.ts";
import { buildMatcher } from "@portcullis/server/modules/screening/screening.match.ts";
import { normalizeName } from "@portcullis/server/modules/screening/screening.normalize.ts";
import { importScreeningList, runScreening } from "@portcullis/server/modules/screening/screening.service.ts";
import { fmt, median, note } from "./lib/report.ts";
import { createCompany, type DbKind, forEachDatabase, withServer } from "./lib/server.ts";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000);
const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Deterministic pseudo-random numbers: both sides and every run see the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const rand = lcg(2026);
const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
/** Invented words (consonant-vowel syllables), so no generated name is a real party. */
const WORDS = (() => {
  const out = new Set<string>();
  while (out.size < 4000) {
    let w = "";
    for (let k = 0, n = 2 + Math.floor(rand() * 2); k < n; k++) w += pickOf([..."bdfgklmnprstvz"]) + pickOf([..."aeiou"]);
    out.add(w);
  }
  return [...out];
})();
const TRADE = ["Trading", "Logistics", "Electronics", "Industrial", "International", "Shipping", "Metals", "Holdings", "Import Export"];
const FORMS = ["Ltd.", "S.A. de C.V.", "LLC", "Co., Ltd.", "GmbH", "Inc.", "Limited", ""];
const COUNTRIES = ["CN", "HK", "MX", "AE", "RU", "IR", "TR", "PA"];
const cap = (w: string) => w[0]?.toUpperCase() + w.slice(1);
const randomName = () =>
  `${cap(pickOf(WORDS))} ${cap(pickOf(WORDS))} ${rand() < 0.7 ? pickOf(TRADE) : cap(pickOf(WORDS))} ${pickOf(FORMS)}`.trim();
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

interface Fixture {
  ctx: TenantCtx;
  entryNames: string[];
  importMs: number;
  planted: { exact: number; fuzzy: number };
}

/** The list (through the import service) and the partners (SQL): some copies, some typos, most unrelated. */
async function seed(server: RunningServer): Promise<Fixture> {
  const { tenantId, ownerUserId } = await createCompany(server, {
    legalName: "Bench Screening Importer",
    ownerEmail: "bench-screening@example.test",
  });
  const ctx: TenantCtx = { db: server.db.kysely, tenantId, actor: SYSTEM_ACTOR, userId: ownerUserId, requestId: null };
  const entryNames = Array.from({ length: ENTRIES }, randomName);
  const rows = entryNames.map((name) => {
    const country = pickOf(COUNTRIES);
    const alias = rand() < 0.3 ? randomName() : "";
    const address = rand() < 0.5 ? `${Math.floor(rand() * 900) + 1} ${cap(pickOf(WORDS))} Road, ${cap(pickOf(WORDS))}, , , ${country}` : "";
    return [name, alias, address, pickOf(["SDGT", "EAR", "SDNTK; IRGC"]), "Bench list (invented)"].map(csvCell).join(",");
  });
  const data = Buffer.from(`name,alt_names,addresses,programs,source\n${rows.join("\n")}\n`);
  const t0 = performance.now();
  await importScreeningList({
    ctx,
    name: "Bench list",
    source: "csl",
    file: { data, filename: "bench.csv", sha256: createHash("sha256").update(data).digest("hex") },
  });
  const importMs = performance.now() - t0;

  // 2% exact copies under another company form (the baseline finds these too), 3% misspelt.
  const names: string[] = [];
  const planted = { exact: 0, fuzzy: 0 };
  for (let i = 0; i < PARTNERS; i++) {
    const source = entryNames[(i * 37) % entryNames.length] as string;
    if (i % 50 === 0) {
      names.push(`${source.replace(/\s+(Ltd\.|S\.A\. de C\.V\.|LLC|Co\., Ltd\.|GmbH|Inc\.|Limited)$/, "")} S.A.`);
      planted.exact++;
    } else if (i % 33 === 1) {
      // A misspelling: one inner letter of the longest word dropped ("Kimubazo" → "Kimbazo").
      const words = source.split(" ");
      const longest = words.reduce((best, w, k) => (w.length > (words[best] ?? "").length ? k : best), 0);
      const w = words[longest] as string;
      const at = 2 + (i % Math.max(1, w.length - 3));
      words[longest] = w.slice(0, at) + w.slice(at + 1);
      names.push(words.join(" "));
      planted.fuzzy++;
    } else {
      names.push(randomName());
    }
  }
  await server.db.pool.query(
    `INSERT INTO partners (id, tenant_id, name, type, country_code, status, address)
     SELECT gen_random_uuid(), $1, n, 'manufacturer', ($3::text[])[1 + (o % array_length($3::text[], 1))::int], 'approved',
       CASE WHEN o % 3 = 0 THEN o || ' Bench Street' END
     FROM unnest($2::text[]) WITH ORDINALITY AS u(n, o)`,
    [tenantId, names, COUNTRIES],
  );
  return { ctx, entryNames, importMs, planted };
}

/** The baseline: the same reads, then an exact hash join on normalized names (primary and aliases). */
async function baseline(server: RunningServer, tenantId: string): Promise<number> {
  const pool = server.db.pool;
  const [entries, partners] = await Promise.all([
    pool.query<{ id: string; normalized: string }>("SELECT id, normalized FROM screening_entries WHERE tenant_id = $1", [tenantId]),
    pool.query<{ id: string; name: string; legal_name: string | null }>(
      "SELECT id, name, legal_name FROM partners WHERE tenant_id = $1 AND archived_at IS NULL AND status <> 'terminated'",
      [tenantId],
    ),
  ]);
  const byName = new Map<string, string[]>();
  for (const e of entries.rows) {
    for (const line of e.normalized.split("\n")) {
      const list = byName.get(line);
      if (list) list.push(e.id);
      else byName.set(line, [e.id]);
    }
  }
  let hits = 0;
  for (const p of partners.rows) {
    for (const n of new Set([p.name, p.legal_name].filter((x): x is string => !!x).map(normalizeName))) hits += byName.get(n)?.length ?? 0;
  }
  return hits;
}

async function benchDatabase(kind: DbKind): Promise<void> {
  await withServer(kind, "portcullis-bench-screening", async (server) => {
    const fx = await seed(server);
    note(
      `screening on ${kind}: ${ENTRIES} entries imported through the service in ${fmt(fx.importMs)} ms (parse, normalize, multi-row inserts, rescreen of 0 partners)`,
    );

    const samples = { service: [] as number[], baseline: [] as number[] };
    let recorded = 0;
    let exactHits = 0;
    for (let r = 0; r < RUNS; r++) {
      // Alternate which side goes first.
      for (const side of r % 2 === 0 ? (["baseline", "service"] as const) : (["service", "baseline"] as const)) {
        const t0 = performance.now();
        if (side === "service") {
          const run = await runScreening({ ctx: fx.ctx, input: {} });
          recorded += run.matches.length;
          if (run.screened !== PARTNERS) throw new Error(`screened ${run.screened} partners, expected ${PARTNERS}`);
        } else {
          exactHits = await baseline(server, fx.ctx.tenantId);
        }
        samples[side].push(performance.now() - t0);
      }
    }
    note(
      `${PARTNERS} partners (${fx.planted.exact} planted exact copies, ${fx.planted.fuzzy} misspelt) × ${ENTRIES} entries: ` +
        `fuzzy recorded ${recorded} matches (first run; later runs find the same pairs and record none), exact hash join finds ${exactHits}`,
    );
    note(`service runs (ms): ${samples.service.map(fmt).join(", ")}; baseline runs (ms): ${samples.baseline.map(fmt).join(", ")}`);

    // The matching alone, in memory, against the same rows: where the service's time goes.
    const entries = await server.db.pool.query<{ id: string; normalized: string; addresses: string[]; country_codes: string[] }>(
      "SELECT id, normalized, addresses, country_codes FROM screening_entries WHERE tenant_id = $1",
      [fx.ctx.tenantId],
    );
    const partners = await server.db.pool.query<{ name: string; address: string | null; country_code: string }>(
      "SELECT name, address, country_code FROM partners WHERE tenant_id = $1",
      [fx.ctx.tenantId],
    );
    const t0 = performance.now();
    const matcher = buildMatcher(entries.rows.map((e) => ({ ...e, countryCodes: e.country_codes })));
    const built = performance.now() - t0;
    for (const p of partners.rows) matcher.screen({ names: [p.name], address: p.address, countryCode: p.country_code });
    note(
      `in memory: index built in ${fmt(built)} ms, 1,000 partners screened in ${fmt(performance.now() - t0 - built)} ms; ` +
        `${matcher.compared} name pairs fully scored of ${PARTNERS * entries.rows.length} (${((100 * matcher.compared) / (PARTNERS * entries.rows.length)).toFixed(3)}%)`,
    );

    const service = median(samples.service);
    const base = median(samples.baseline);
    // No target in the issue: the figure is reported, not judged.
    process.stdout.write(`screening.run.${kind}: ${fmt(service)} ms (ratio ${(service / base).toFixed(2)}× vs baseline; target: report)\n`);
  });
}

note("baseline: the same rows read from the same database, then an exact hash join on normalized names (no fuzzy matching, no writes)");
await forEachDatabase(benchDatabase);
