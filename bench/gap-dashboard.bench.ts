/**
 * Gap dashboard throughput: GET /api/security-profile/gaps through the real server (Fastify, Bearer token auth,
 * RLS transaction, company facts + one items-with-counts statement, aggregation in JS) versus a bare node:http
 * server in the same process answering from ONE hand-written SQL aggregate over the same tables on the same pg
 * Pool, with no auth and no transaction. The company has 5 entity types (97 applicable criteria), every item
 * saved with mixed statuses, 2,000 evidence items linked to criteria (~4,000 links) and a few procedures.
 * A load client in a child process keeps a fixed number of requests in flight; short phases alternate
 * bare/server/server/bare/… so noise on a shared machine hits both sides alike. The bare answer is checked
 * against the server's once before measuring, so both sides compute the same numbers.
 *
 * Environment: BENCH_SECONDS (measured seconds per side, default 5), BENCH_BLOCKS (alternations, default 4),
 * BENCH_CONCURRENCY (default 16), BENCH_EVIDENCE (default 2000), BENCH_DBS (embedded,postgres).
 */
import { criteriaFor, type EntityType, MSC_LIBRARY } from "@portcullis/domain";
import { type RunningServer, SYSTEM_ACTOR } from "@portcullis/server";
import { getGaps } from "@portcullis/server/modules/security-profile/security-profile.gaps.ts";
import type pg from "pg";
import { type Endpoint, LOAD, measureSides, reportSides, startBareServer } from "./lib/compare.ts";
import { LoadClient } from "./lib/load.ts";
import { fmt, median, note } from "./lib/report.ts";
import { createBenchToken, createCompany, type DbKind, forEachDatabase, withServer } from "./lib/server.ts";

const EVIDENCE = Number(process.env.BENCH_EVIDENCE ?? 2000);
const TARGET = 0.5;
const TYPES: EntityType[] = ["importer", "highway-carrier", "foreign-manufacturer", "customs-broker", "3pl"];
const STATUSES = ["implemented", "implemented", "partial", "not_implemented", "not_applicable", "implemented", "not_assessed"];

interface Fixture {
  tenantId: string;
  token: string;
  criteria: number;
  links: number;
}

async function seed(server: RunningServer): Promise<Fixture> {
  const pool = server.db.pool;
  const { tenantId, ownerUserId } = await createCompany(server, {
    legalName: "Bench Gaps Importer",
    ownerEmail: "bench-gaps@example.test",
    entityTypes: TYPES,
  });
  const token = await createBenchToken(server, tenantId, ownerUserId);
  const applicable = criteriaFor(TYPES);
  const ids = applicable.map((c) => c.criterion.id);
  const statuses = ids.map((_, n) => STATUSES[n % STATUSES.length] as string);
  // Every item saved: reviews spread over the last two years (some overdue), a third of the N/As approved.
  await pool.query(
    `INSERT INTO profile_items (tenant_id, criterion_id, status, narrative, owner_user_id, na_justification, na_approved_by, na_approved_at, last_reviewed_on, updated_by)
     SELECT $1, c.id, c.status, 'How we meet ' || c.id, $2,
       CASE WHEN c.status = 'not_applicable' THEN 'Not part of this operation at any site.' END,
       CASE WHEN c.status = 'not_applicable' AND c.n % 3 = 0 THEN $2::uuid END,
       CASE WHEN c.status = 'not_applicable' AND c.n % 3 = 0 THEN now() END,
       CASE WHEN c.n % 5 <> 0 THEN current_date - (c.n * 7)::int END, $2
     FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS c(id, status, n)`,
    [tenantId, ownerUserId, ids, statuses],
  );
  await pool.query(
    `INSERT INTO evidence_items (id, tenant_id, title, current_version, expires_on, archived_at, created_by)
     SELECT gen_random_uuid(), $1, 'Evidence ' || lpad(g::text, 5, '0'), 1,
       CASE WHEN g % 4 = 0 THEN current_date + (g % 400) - 30 END, CASE WHEN g % 50 = 0 THEN now() END, $2
     FROM generate_series(1, $3::int) g`,
    [tenantId, ownerUserId, EVIDENCE],
  );
  await pool.query(
    `INSERT INTO evidence_versions (id, tenant_id, evidence_id, version, sha256, size_bytes, media_type, filename, uploaded_by)
     SELECT gen_random_uuid(), tenant_id, id, 1, encode(sha256(id::text::bytea), 'hex'), 20000, 'application/pdf', title || '.pdf', $2
     FROM evidence_items WHERE tenant_id = $1`,
    [tenantId, ownerUserId],
  );
  // Each evidence item supports one to three criteria, spread unevenly (seals and training get the most).
  await pool.query(
    `INSERT INTO evidence_links (tenant_id, evidence_id, target_type, target_id, created_by)
     SELECT DISTINCT e.tenant_id, e.id, 'criterion', ($3::text[])[1 + ((e.rn * (k + 3) * 7) % array_length($3::text[], 1))], $2::uuid
     FROM (SELECT tenant_id, id, row_number() OVER (ORDER BY id) AS rn FROM evidence_items WHERE tenant_id = $1) e
     CROSS JOIN generate_series(0, 2) k
     WHERE k <= e.rn % 3`,
    // One criterion in six has no evidence at all, so "no evidence" has something to find.
    [tenantId, ownerUserId, ids.filter((_, n) => n % 6 !== 1)],
  );
  for (let p = 0; p < 12; p++) {
    const { rows } = await pool.query<{ id: string }>(
      "INSERT INTO procedures (id, tenant_id, code, title) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id",
      [tenantId, `SOP-${p + 1}`, `Procedure ${p + 1}`],
    );
    await pool.query("INSERT INTO procedure_criteria (tenant_id, procedure_id, criterion_id) SELECT $1, $2, unnest($3::text[])", [
      tenantId,
      rows[0]?.id,
      ids.filter((_, n) => n % 12 === p),
    ]);
  }
  const links = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM evidence_links WHERE tenant_id = $1", [tenantId]);
  return { tenantId, token, criteria: ids.length, links: links.rows[0]?.n ?? 0 };
}

const BASELINE_SQL = `
  WITH c AS (SELECT * FROM unnest($2::text[], $3::text[], $4::int[]) AS c(id, level, category_id)),
  ev AS (
    SELECT l.target_id, count(*)::int AS n FROM evidence_links l
    JOIN evidence_items e ON e.tenant_id = l.tenant_id AND e.id = l.evidence_id
    WHERE l.tenant_id = $1 AND l.target_type = 'criterion' AND e.archived_at IS NULL GROUP BY l.target_id
  ), x AS (
    SELECT c.category_id, c.level, coalesce(p.status, 'not_assessed') AS status, coalesce(ev.n, 0) AS links,
      p.na_approved_at IS NOT NULL AS approved,
      CASE WHEN p.last_reviewed_on IS NULL THEN coalesce(p.status, 'not_assessed') <> 'not_assessed'
           ELSE (p.last_reviewed_on + interval '1 year')::date < current_date END AS overdue
    FROM c LEFT JOIN profile_items p ON p.tenant_id = $1 AND p.criterion_id = c.id LEFT JOIN ev ON ev.target_id = c.id
  )
  SELECT category_id, level, status, count(*)::int AS n, sum(links)::int AS links,
    count(*) FILTER (WHERE level = 'must' AND status <> 'implemented' AND NOT (status = 'not_applicable' AND approved))::int AS musts_not_met,
    count(*) FILTER (WHERE status IN ('implemented', 'partial') AND links = 0)::int AS no_evidence,
    count(*) FILTER (WHERE overdue)::int AS overdue,
    count(*) FILTER (WHERE level = 'must' AND status = 'not_applicable' AND NOT approved)::int AS na_pending
  FROM x GROUP BY category_id, level, status`;

/** The parameters of BASELINE_SQL: the company and its applicable criteria (ids, levels, categories). */
function baselineParams(tenantId: string): unknown[] {
  const applicable = criteriaFor(TYPES);
  return [tenantId, applicable.map((c) => c.criterion.id), applicable.map((c) => c.level), applicable.map((c) => c.criterion.categoryId)];
}

type Counts = Record<string, number>;
const emptyCounts = (): Counts => ({ total: 0, implemented: 0, partial: 0, not_implemented: 0, not_applicable: 0, not_assessed: 0 });

/** The baseline: node:http, one SQL aggregate, the same pool; no auth, no transaction, the same JSON shape. */
function startBare(server: RunningServer, tenantId: string): Promise<Endpoint> {
  const pool: pg.Pool = server.db.pool;
  const params = baselineParams(tenantId);
  const focusOf = new Map(MSC_LIBRARY.categories.map((c) => [c.id, c.focusAreaId]));
  const answer = async () => {
    const { rows } = await pool.query(BASELINE_SQL, params);
    const totals = emptyCounts();
    const focus = new Map(
      MSC_LIBRARY.focusAreas.map((f) => [f.id, { focusAreaId: f.id, name: f.name, must: emptyCounts(), should: emptyCounts() }]),
    );
    const cats = new Map(
      MSC_LIBRARY.categories.map((c) => [
        c.id,
        { categoryId: c.id, focusAreaId: c.focusAreaId, name: c.name, must: emptyCounts(), should: emptyCounts(), evidenceLinks: 0 },
      ]),
    );
    const attention = { mustsNotMet: 0, noEvidence: 0, reviewOverdue: 0, naPending: 0 };
    let base = 0;
    let met = 0;
    for (const r of rows) {
      const level = r.level as "must" | "should";
      for (const c of [totals, focus.get(focusOf.get(r.category_id) ?? "corporate-security")?.[level], cats.get(r.category_id)?.[level]]) {
        if (!c) continue;
        c.total = (c.total ?? 0) + r.n;
        c[r.status] = (c[r.status] ?? 0) + r.n;
      }
      const cat = cats.get(r.category_id);
      if (cat) cat.evidenceLinks += r.links;
      attention.mustsNotMet += r.musts_not_met;
      attention.noEvidence += r.no_evidence;
      attention.reviewOverdue += r.overdue;
      attention.naPending += r.na_pending;
      const standingNa = r.status === "not_applicable" ? r.n - r.na_pending : 0;
      base += r.n - standingNa;
      met += r.status === "implemented" ? r.n : r.status === "partial" ? r.n / 2 : 0;
    }
    const score = base === 0 ? 0 : Math.round((met / base) * 1000) / 10;
    return { score, totals, byFocusArea: [...focus.values()], byCategory: [...cats.values()], attention };
  };
  return startBareServer(async (url) =>
    url === "/api/security-profile/gaps" ? { status: 200, body: await answer() } : { status: 404, body: { error: "no route" } },
  );
}

/** Both sides must report the same dashboard, or the comparison means nothing. */
async function checkSameAnswer(serverUrl: string, bareUrl: string, token: string): Promise<void> {
  const server = (await (
    await fetch(`${serverUrl}/api/security-profile/gaps`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { score: number; totals: { total: number }; attention: unknown };
  const bare = await (await fetch(`${bareUrl}/api/security-profile/gaps`)).json();
  if (JSON.stringify(server) !== JSON.stringify(bare)) {
    throw new Error(
      `baseline and server disagree:\nserver ${JSON.stringify(server).slice(0, 600)}\nbare   ${JSON.stringify(bare).slice(0, 600)}`,
    );
  }
  note(
    `both sides answer the same dashboard: score ${server.score}, ${server.totals.total} items, attention ${JSON.stringify(server.attention)}`,
  );
}

/**
 * Where a server request's time goes, one request at a time (no concurrency), median of 200: the service call
 * in-process (scoped transaction, company facts, the aggregate, assembly) against the baseline SQL alone.
 */
async function breakdown(server: RunningServer, tenantId: string): Promise<void> {
  const params = baselineParams(tenantId);
  const ctx = { db: server.db.kysely, tenantId, actor: SYSTEM_ACTOR, userId: null, requestId: null };
  const samples = { service: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < 200; i++) {
    let t0 = performance.now();
    await getGaps({ ctx });
    samples.service.push(performance.now() - t0);
    t0 = performance.now();
    await server.db.pool.query(BASELINE_SQL, params);
    samples.baseline.push(performance.now() - t0);
  }
  note(
    `where the time goes, sequential (median ms): service call in-process ${fmt(median(samples.service))} vs baseline SQL ${fmt(median(samples.baseline))}; ` +
      "the rest of a server request is token auth, HTTP and serialisation",
  );
}

async function benchDatabase(client: LoadClient, kind: DbKind): Promise<void> {
  await withServer(kind, "portcullis-bench-gaps", async (server) => {
    const fx = await seed(server);
    const bare = await startBare(server, fx.tenantId);
    try {
      note(
        `gap-dashboard on ${kind}: ${TYPES.length} entity types, ${fx.criteria} criteria all saved, ${EVIDENCE} evidence items, ${fx.links} criterion links, concurrency ${LOAD.concurrency}, ${LOAD.seconds} s per side`,
      );
      await checkSameAnswer(server.url, bare.url, fx.token);
      await breakdown(server, fx.tenantId);
      const sides = { bare: { url: bare.url, headers: {} }, server: { url: server.url, headers: { authorization: `Bearer ${fx.token}` } } };
      reportSides(`gap-dashboard.${kind}`, await measureSides(client, sides, ["/api/security-profile/gaps"]), { target: TARGET });
    } finally {
      await bare.close();
    }
  });
}

const client = new LoadClient();
try {
  note("baseline: bare node:http in this process, one SQL aggregate over the same tables on the same pg Pool, no auth, no transaction");
  await forEachDatabase((kind) => benchDatabase(client, kind));
} finally {
  client.close();
}
