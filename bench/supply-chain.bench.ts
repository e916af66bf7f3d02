/**
 * Supply-chain queries on a 100,000-node network, through the real services (RLS-scoped transaction, the
 * recursive path CTE + in-memory path search, the impact UNION + lane assembly), and the tier layout.
 *
 * The network, written in bulk with owner SQL: 33,280 manufacturers in three tiers with three sites each (99,840
 * partner sites), 20 carriers, 47 own distribution centres and the 113 packaged seaports in use — 100,000 nodes.
 * Tier-1 sites ship by road to a foreign seaport, by sea to a U.S. seaport and by rail to a DC (3 legs); tier-2
 * sites truck to a tier-1 site and tier-3 sites to a tier-2 site (1 leg): ~99,840 lanes, ~165,840 legs, with
 * supplier relations along the tiers and a mix of CTPAT/MRA certifications. VACUUM ANALYZE after loading (the
 * steady state autovacuum reaches: statistics and visibility maps, so index-only scans apply).
 *
 * Figures (target on the value itself, ms): p50 and p95 of GET-equivalent service calls for paths (a tier-3 site
 * to its DC, 4–6 hops), impact of a manufacturer, impact of a sea carrier (thousands of lanes, first page), each
 * against a baseline measured in the same run: one raw SQL adjacency fetch on the pool (no RLS, no transaction).
 * The layout figure places 10,000 nodes / ~15,000 edges against a plain per-tier grid placement.
 *
 * Environment: BENCH_DBS (embedded,postgres), BENCH_CALLS (timed calls per figure, default 200).
 */
import { countCrossings, LOCATIONS, layoutTiers, type TierNode } from "@portcullis/domain";
import { type RunningServer, SYSTEM_ACTOR } from "@portcullis/server";
import { findPaths, getImpact } from "@portcullis/server/modules/lanes/supply-chain.service.ts";
import { figure, fmt, note, percentile } from "./lib/report.ts";
import { createCompany, type DbKind, forEachDatabase, withServer } from "./lib/server.ts";

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const TIER = [11_000, 11_000, 11_280] as const;
const MANUFACTURERS = TIER[0] + TIER[1] + TIER[2];
const DCS = 47;
const QUERY_TARGET_MS = 50;
const LAYOUT_TARGET_MS = 1000;

const ORIGINS = LOCATIONS.filter((l) => l.kind === "seaport" && l.countryCode !== "US").map((l) => `port:${l.code}`);
const DESTINATIONS = LOCATIONS.filter((l) => l.kind === "seaport" && l.countryCode === "US").map((l) => `port:${l.code}`);

/** Build the network; returns the tenant and a few ids to ask about. */
async function seed(server: RunningServer) {
  const q = (text: string, values: unknown[] = []) => server.db.pool.query(text, values);
  const { tenantId: t } = await createCompany(server, {
    legalName: "Bench Supply Chain Importer",
    ownerEmail: "bench-chain@example.test",
  });
  const started = performance.now();
  await q(
    `INSERT INTO partners (id, tenant_id, external_key, name, type, country_code, status, risk_level)
     SELECT gen_random_uuid(), $1, 'M' || g, 'Manufacturer ' || lpad(g::text, 6, '0'), 'manufacturer',
       (ARRAY['CN','VN','MX','IN','TH','BD'])[1 + g % 6], (ARRAY['approved','approved','screening','prospect'])[1 + g % 4],
       (ARRAY['low','medium','high'])[1 + g % 3]
     FROM generate_series(1, $2::int) g`,
    [t, MANUFACTURERS],
  );
  await q(
    `INSERT INTO partners (id, tenant_id, external_key, name, type, country_code, status, risk_level)
     SELECT gen_random_uuid(), $1, 'C' || g, 'Carrier ' || g, (ARRAY['highway-carrier','sea-carrier','rail-carrier','sea-carrier'])[1 + g % 4],
       (ARRAY['MX','DK','US','CN'])[1 + g % 4], 'approved', 'medium'
     FROM generate_series(0, 19) g`,
    [t],
  );
  await q(
    `INSERT INTO partner_sites (id, tenant_id, partner_id, external_key, name, kind, country_code, latitude, longitude)
     SELECT gen_random_uuid(), $1, p.id, 'S' || substr(p.external_key, 2) || '-' || k, p.name || ' plant ' || k, 'factory', p.country_code,
       -40 + (substr(p.external_key, 2)::int * 7 + k) % 80, -170 + (substr(p.external_key, 2)::int * 13 + k) % 340
     FROM partners p CROSS JOIN generate_series(1, 3) k WHERE p.tenant_id = $1 AND p.external_key LIKE 'M%'`,
    [t],
  );
  await q(
    `INSERT INTO sites (id, tenant_id, name, kind, country_code, latitude, longitude)
     SELECT gen_random_uuid(), $1, 'DC ' || g, 'distribution-center', 'US', 30 + g % 15, -120 + g % 45 FROM generate_series(1, $2::int) g`,
    [t, DCS],
  );
  // One row per lane to write: where it starts and how it goes (s = tier-1 export, u = upstream truck to the next tier).
  await q(
    `CREATE TABLE bench_plan AS
     SELECT gen_random_uuid() AS lane_id, 'x' AS kind, s.id AS site_id, n, k,
       ($2::text[])[1 + (n * 31 + k) % array_length($2::text[], 1)] AS origin,
       ($3::text[])[1 + (n * 17 + k * 5) % array_length($3::text[], 1)] AS dest,
       ($4::uuid[])[1 + (n * 11 + k) % array_length($4::uuid[], 1)] AS dc, NULL::uuid AS next_site
     FROM (SELECT id, substr(external_key, 2, strpos(external_key, '-') - 2)::int AS n, substr(external_key, strpos(external_key, '-') + 1)::int AS k
           FROM partner_sites WHERE tenant_id = $1) s
     WHERE n <= $5::int`,
    [
      t,
      ORIGINS,
      DESTINATIONS,
      (await q("SELECT array_agg(id ORDER BY name) AS ids FROM sites WHERE tenant_id = $1", [t])).rows[0].ids,
      TIER[0],
    ],
  );
  await q(
    `INSERT INTO bench_plan (lane_id, kind, site_id, n, k, next_site)
     SELECT gen_random_uuid(), 'u', s.id, s.n, s.k, up.id
     FROM (SELECT id, substr(external_key, 2, strpos(external_key, '-') - 2)::int AS n, substr(external_key, strpos(external_key, '-') + 1)::int AS k
           FROM partner_sites WHERE tenant_id = $1) s
     JOIN partner_sites up ON up.tenant_id = $1 AND up.external_key = 'S' ||
       (CASE WHEN s.n <= $2::int + $3::int THEN (s.n - $2::int - 1) % $2::int + 1 ELSE $2::int + (s.n - $2::int - $3::int - 1) % $3::int + 1 END) || '-' || s.k
     WHERE s.n > $2::int`,
    [t, TIER[0], TIER[1]],
  );
  await q(
    `INSERT INTO lanes (id, tenant_id, external_key, name)
     SELECT lane_id, $1::uuid, kind || n || '-' || k, CASE WHEN kind = 'x' THEN 'Export ' ELSE 'Inbound ' END || n || '-' || k FROM bench_plan`,
    [t],
  );
  const carrier = async (key: string) =>
    (await q("SELECT id FROM partners WHERE tenant_id = $1 AND external_key = $2", [t, key])).rows[0].id;
  const [truck, rail] = [await carrier("C0"), await carrier("C2")];
  const seaCarriers = (
    await q("SELECT array_agg(id ORDER BY external_key) AS ids FROM partners WHERE tenant_id = $1 AND type = 'sea-carrier'", [t])
  ).rows[0].ids;
  await q(
    `INSERT INTO lane_legs (tenant_id, lane_id, seq, from_node, to_node, mode, carrier_partner_id)
     SELECT $1::uuid, lane_id, 1, 'partner-site:' || site_id, origin, 'road', $2::uuid FROM bench_plan WHERE kind = 'x'
     UNION ALL SELECT $1, lane_id, 2, origin, dest, 'sea', ($4::uuid[])[1 + (n + k) % array_length($4::uuid[], 1)] FROM bench_plan WHERE kind = 'x'
     UNION ALL SELECT $1, lane_id, 3, dest, 'site:' || dc, 'rail', $3::uuid FROM bench_plan WHERE kind = 'x'
     UNION ALL SELECT $1, lane_id, 1, 'partner-site:' || site_id, 'partner-site:' || next_site, 'road', $2::uuid FROM bench_plan WHERE kind = 'u'`,
    [t, truck, rail, seaCarriers],
  );
  await q(
    `INSERT INTO partner_relations (tenant_id, supplier_id, customer_id)
     SELECT DISTINCT $1::uuid, s.partner_id, c.partner_id FROM bench_plan b
       JOIN partner_sites s ON s.id = b.site_id JOIN partner_sites c ON c.id = b.next_site WHERE b.kind = 'u'`,
    [t],
  );
  await q(
    `INSERT INTO partner_certifications (id, tenant_id, partner_id, program, status, valid_to)
     SELECT gen_random_uuid(), $1, id, CASE WHEN n % 10 < 3 THEN 'ctpat' ELSE 'mx-oea' END, 'active',
       CASE WHEN n % 10 = 5 THEN DATE '2020-01-31' ELSE DATE '2099-12-31' END
     FROM (SELECT id, substr(external_key, 2)::int AS n FROM partners WHERE tenant_id = $1 AND external_key LIKE 'M%') p WHERE n % 10 < 6`,
    [t],
  );
  await q("DROP TABLE bench_plan");
  await q("VACUUM ANALYZE");
  const counts = (
    await q(
      `SELECT (SELECT count(*) FROM lanes WHERE tenant_id = $1)::int AS lanes, (SELECT count(*) FROM lane_legs WHERE tenant_id = $1)::int AS legs,
         (SELECT count(*) FROM partners WHERE tenant_id = $1)::int AS partners,
         (SELECT count(*) FROM (SELECT from_node FROM lane_legs WHERE tenant_id = $1 UNION SELECT to_node FROM lane_legs WHERE tenant_id = $1) x)::int AS nodes`,
      [t],
    )
  ).rows[0];
  note(`built in ${fmt((performance.now() - started) / 1000)} s: ${JSON.stringify(counts)}`);
  if (counts.nodes !== 100_000) throw new Error(`expected 100,000 nodes, got ${counts.nodes}`);
  // Questions: tier-3 sites and the DC their goods end up in (tier-3 → tier-2 → tier-1 → export lane).
  const pairs = (
    await q(
      `SELECT a.from_node AS "from", x3.to_node AS "to" FROM lane_legs a
       JOIN lane_legs b ON b.tenant_id = a.tenant_id AND b.from_node = a.to_node AND b.seq = 1
       JOIN lane_legs x1 ON x1.tenant_id = a.tenant_id AND x1.from_node = b.to_node AND x1.seq = 1
       JOIN lane_legs x3 ON x3.tenant_id = a.tenant_id AND x3.lane_id = x1.lane_id AND x3.seq = 3
       WHERE a.tenant_id = $1 AND a.seq = 1 AND a.from_node LIKE 'partner-site:%' ORDER BY a.lane_id LIMIT 50`,
      [t],
    )
  ).rows as { from: string; to: string }[];
  const manufacturers = (
    await q("SELECT id FROM partners WHERE tenant_id = $1 AND external_key LIKE 'M%' ORDER BY id LIMIT 50", [t])
  ).rows.map((r) => r.id);
  return { tenantId: t, pairs, manufacturers, seaCarrier: seaCarriers[0] as string };
}

/** Time `fn` CALLS times (after a short warm-up), cycling through its inputs. */
async function time<T>(inputs: T[], fn: (input: T) => Promise<unknown>): Promise<Float64Array> {
  for (const input of inputs.slice(0, 10)) await fn(input);
  const samples = new Float64Array(CALLS);
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    await fn(inputs[i % inputs.length] as T);
    samples[i] = performance.now() - t0;
  }
  return samples.sort();
}

function report(name: string, service: Float64Array, baseline: Float64Array, detail: string): void {
  const [p50, p95, b50, b95] = [percentile(service, 50), percentile(service, 95), percentile(baseline, 50), percentile(baseline, 95)];
  note(`${name}: service p50 ${fmt(p50)} ms p95 ${fmt(p95)} ms; baseline p50 ${fmt(b50)} ms p95 ${fmt(b95)} ms; ${detail}`);
  for (const [label, value, base] of [["p50", p50, b50] as const, ["p95", p95, b95] as const]) {
    figure({
      name: `${name}.${label}`,
      value,
      unit: "ms",
      ratio: value / base,
      target: { op: "≤", value: QUERY_TARGET_MS, unit: "ms" },
      targetOn: "value",
    });
  }
}

async function benchDatabase(kind: DbKind): Promise<void> {
  await withServer(kind, "portcullis-bench-chain", async (server) => {
    const fx = await seed(server);
    const pool = server.db.pool;
    const ctx = { db: server.db.kysely, tenantId: fx.tenantId, actor: SYSTEM_ACTOR, userId: null, requestId: null };
    const adjacency = (node: string) =>
      pool.query("SELECT to_node FROM lane_legs WHERE tenant_id = $1 AND from_node = $2", [fx.tenantId, node]);
    let found = 0;
    const paths = await time(fx.pairs, async (p) => {
      const r = await findPaths({ ctx, from: p.from, to: p.to });
      if (r.total === 0) throw new Error(`no path from ${p.from} to ${p.to}`);
      found = Math.max(found, r.total);
    });
    report(`supply-chain.${kind}.paths`, paths, await time(fx.pairs, (p) => adjacency(p.from)), `up to ${found} paths per answer`);
    let lanes = 0;
    const partner = await time(fx.manufacturers, async (id) => {
      lanes = Math.max(lanes, (await getImpact({ ctx, query: { partnerId: id, limit: 50, offset: 0 } })).total);
    });
    const partnerBase = await time(fx.manufacturers, (id) =>
      pool.query(
        "SELECT lane_id FROM lane_legs WHERE tenant_id = $1 AND from_node IN (SELECT 'partner-site:' || id FROM partner_sites WHERE partner_id = $2)",
        [fx.tenantId, id],
      ),
    );
    report(`supply-chain.${kind}.impact-partner`, partner, partnerBase, `up to ${lanes} lanes per manufacturer`);
    let carried = 0;
    const carrier = await time([fx.seaCarrier], async (id) => {
      carried = (await getImpact({ ctx, query: { partnerId: id, limit: 50, offset: 0 } })).total;
    });
    const carrierBase = await time([fx.seaCarrier], (id) =>
      pool.query("SELECT lane_id FROM lane_legs WHERE tenant_id = $1 AND carrier_partner_id = $2 LIMIT 50", [fx.tenantId, id]),
    );
    report(`supply-chain.${kind}.impact-carrier`, carrier, carrierBase, `first page of 50 of ${carried} lanes`);
    // Not a figure: a whole country (about a sixth of all partner sites) is a much bigger question.
    const t0 = performance.now();
    const country = await getImpact({ ctx, query: { countryCode: "VN", limit: 50, offset: 0 } });
    note(
      `supply-chain.${kind}.impact-country: one call ${fmt(performance.now() - t0)} ms for ${country.total} lanes touching VN (first page of 50)`,
    );
  });
}

/** 10,000 nodes: the company, then tiers of 2,000 / 4,000 / 3,999 partners; ~15,000 supply edges. */
function benchLayout(): void {
  let state = 20261201;
  const rand = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const sizes = [1, 2000, 4000, 3999];
  const nodes: TierNode[] = sizes.flatMap((size, tier) => Array.from({ length: size }, (_, i) => ({ id: `t${tier}-${i}`, tier })));
  const edges = nodes
    .filter((n) => n.tier > 0)
    .flatMap((n) => {
      const up = sizes[n.tier - 1] as number;
      const count = n.tier === 1 ? 1 : 1 + (rand() < 0.75 ? 1 : 0);
      return Array.from({ length: count }, () => ({ from: n.id, to: `t${n.tier - 1}-${Math.floor(rand() * up)}` }));
    });
  const grid = () => {
    const rows = new Map<number, number>();
    const out: Record<string, { x: number; y: number }> = {};
    for (const n of nodes) {
      const r = rows.get(n.tier) ?? 0;
      rows.set(n.tier, r + 1);
      out[n.id] = { x: n.tier * 240, y: r * 48 };
    }
    return out;
  };
  const times = (fn: () => unknown, runs: number) => {
    const s = new Float64Array(runs);
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      fn();
      s[i] = performance.now() - t0;
    }
    return s.sort();
  };
  times(() => layoutTiers(nodes, edges), 2);
  const layout = times(() => layoutTiers(nodes, edges), 10);
  const baseline = times(grid, 10);
  const before = countCrossings(nodes, edges, grid());
  const after = countCrossings(nodes, edges, layoutTiers(nodes, edges));
  note(`layout: ${nodes.length} nodes, ${edges.length} edges; crossings ${before} in the grid order, ${after} after the sweeps`);
  const [p50, b50] = [percentile(layout, 50), percentile(baseline, 50)];
  figure({
    name: "supply-chain.layout.p50",
    value: p50,
    unit: "ms",
    ratio: p50 / b50,
    target: { op: "≤", value: LAYOUT_TARGET_MS, unit: "ms" },
    targetOn: "value",
  });
}

note("baseline: one raw SQL adjacency fetch on the same pool (owner, no RLS, no transaction); layout baseline: a plain per-tier grid");
benchLayout();
await forEachDatabase(benchDatabase);
