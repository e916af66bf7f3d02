import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../modules/tokens/tokens.service.ts";
import { addCaller, type Caller, createSiteFixture, createTenantFixture } from "./factories.ts";
import {
  authArb,
  type Case,
  caseToString,
  encodeBytes,
  fuzzString,
  hostile,
  hugeString,
  labelled,
  toJsonText,
  withKey,
} from "./fuzz/arbitraries.ts";
import { type FuzzContext, type FuzzStats, fuzzRoutes, probe } from "./fuzz/probe.ts";
import { type JsonSchema, RUNS, SEED, sampleOf } from "./fuzz/seeds.ts";
import { CONTENT_TYPES, RAW_BODIES, RAW_IDS, SWEEP_QUERY_VALUES, SWEEP_VALUES } from "./fuzz/values.ts";
import { createHarness, type Harness } from "./harness.ts";
import { Multipart } from "./multipart.ts";
import { type ApiRoute, collectApiRoutes, toOpenApiPath } from "./routes.ts";

/**
 * Fuzz every route of the router with hostile bodies, query strings, path ids, content types and
 * credentials. Invariants: never a 5xx, never a stack trace or file path in a body, every error in the
 * one error shape, and a rejected (4xx) request changes no row of the guarded tables.
 *
 * Fixed seed (override with FUZZ_SEED); each route gets its own seed derived from it, printed on failure.
 * Hostile material, generators, seed bodies and the probe live in ./fuzz/.
 */

describe("fuzzing every route", () => {
  let h: Harness;
  let owner: Caller;
  let routes: ApiRoute[] = [];
  let doc: { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>> };
  let ids: string[] = [];
  let hints: Record<string, unknown> = {};
  const stats: FuzzStats = { runs: 0, requests: 0, byStatus: new Map<number, number>(), byProperty: new Map<string, number>() };
  let ctx: FuzzContext;

  const operation = (r: ApiRoute) => doc.paths[toOpenApiPath(r.url)]?.[(r.method === "HEAD" ? "GET" : r.method).toLowerCase()];
  const bodySchema = (r: ApiRoute) =>
    (operation(r)?.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.["application/json"]?.schema;
  const queryNames = (r: ApiRoute) => (operation(r)?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
  const takesBody = (r: ApiRoute) => !["GET", "HEAD"].includes(r.method);

  const fillPath = (r: ApiRoute, id: string) => r.url.replace(/:[A-Za-z0-9_]+/g, id);
  const validId = () => fc.constantFrom(...ids);

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    const other = await createTenantFixture(h);
    const member = await addCaller(h, owner.tenantId, "analyst");
    const mySite = await createSiteFixture(owner);
    const theirSite = await createSiteFixture(other);
    const spareToken = await createToken({
      db: h.db.kysely,
      tenantId: owner.tenantId,
      userId: member.userId,
      actor: { id: member.userId, label: member.email },
      input: { name: "spare" },
    });
    // Never the fuzzing owner's own user id or auth token: a valid "deactivate" would end the fuzz.
    // "6.2": an MSC criterion ID (a Must for importers), so the :criterionId routes get past their 404.
    ids = [mySite, theirSite, member.userId, other.userId, spareToken.item.id, randomUUID(), "6.2"];
    // A real piece of evidence of the owner's company, so the vault's :id routes are fuzzed past their 404.
    const evidence = new Multipart({ title: "Fuzz evidence", file: { filename: "fuzz.txt", contentType: "text/plain", data: "fuzz\n" } });
    ids.push((await owner.request("POST", "/api/evidence", evidence.payload, { "content-type": evidence.contentType })).json().id);
    // A partner of the owner's company with a site and an active certification, so the partner routes get past their 404.
    const partner = (await owner.request("POST", "/api/partners", { name: "Fuzz partner", type: "manufacturer", countryCode: "MX" })).json()
      .id;
    const partnerPost = async (path: string, body: unknown) =>
      (await owner.request("POST", `/api/partners/${partner}${path}`, body)).json().id;
    ids.push(partner, await partnerPost("/sites", { name: "Fuzz plant", kind: "factory", countryCode: "MX" }));
    ids.push(await partnerPost("/certifications", { program: "ctpat" }));
    // ownerUserId: an active member, so a profile item's sample answer is accepted rather than a 422.
    // criterionIds: known MSC IDs (7.1 has no yearly review, so any sample interval is allowed) for procedures.
    // targetId: a known MSC ID for evidence links (their targetType sample is "criterion").
    // legs: a lane's legs need node keys (site:/partner-site:/port:); two packaged ports make a valid lane.
    hints = {
      countryCode: "MX",
      tenantId: owner.tenantId,
      ownerUserId: member.userId,
      criterionIds: ["7.1"],
      targetId: "6.2",
      legs: [{ from: "port:CNYTN", to: "port:USLAX", mode: "sea" }],
    };
    routes = await collectApiRoutes(h.app.deps);
    doc = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    ctx = { h, owner, stats };
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  it("meta: the seed body of every route passes the route's own schema (else the fuzz only tests the validator)", () => {
    const bodies = routes.filter((r) => r.schema?.body !== undefined);
    expect(bodies.length).toBeGreaterThan(5);
    const invalid = bodies.flatMap((r) => {
      const zod = r.schema?.body as { safeParse(v: unknown): { success: boolean; error?: { message: string } } };
      const result = zod.safeParse(sampleOf(bodySchema(r), hints));
      return result.success ? [] : [`${r.key}: ${result.error?.message.slice(0, 300)} (add a hint)`];
    });
    expect(invalid).toEqual([]);
  });

  it("structured bodies: valid, mutated field by field, replaced, wrapped in arrays", async () => {
    const selected = routes.filter(takesBody);
    expect(selected.length).toBeGreaterThan(5);
    const failures = await fuzzRoutes(ctx, "body", selected, RUNS.body, (r) => {
      const sample = sampleOf(bodySchema(r), hints) ?? {};
      const keys = typeof sample === "object" && sample !== null ? Object.keys(sample) : [];
      const key = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...keys, "__proto__", "constructor", "prototype", "toString", "", "tenantId", "id") },
        { weight: 1, arbitrary: fuzzString },
      );
      const body: fc.Arbitrary<unknown> = fc.oneof(
        { weight: 1, arbitrary: fc.constant(sample) },
        { weight: 5, arbitrary: fc.tuple(key, hostile).map(([k, v]) => withKey(sample, k, v)) },
        {
          weight: 2,
          arbitrary: fc
            .array(fc.tuple(key, hostile), { minLength: 2, maxLength: 5 })
            .map((pairs) => pairs.reduce<unknown>((o, [k, v]) => withKey(o, k, v), sample)),
        },
        { weight: 1, arbitrary: keys.length > 0 ? fc.constantFrom(...keys).map((k) => withKey(sample, k, undefined)) : fc.constant({}) },
        { weight: 2, arbitrary: hostile },
        { weight: 1, arbitrary: fc.constant([sample]) },
      );
      return fc.record({ body, auth: authArb, id: validId() }).map(
        ({ body, auth, id }): Case => ({
          method: r.method,
          url: fillPath(r, id),
          contentType: "application/json",
          payload: toJsonText(body),
          auth,
        }),
      );
    });
    expect(failures).toEqual([]);
  });

  it("raw payloads: invalid JSON, deep nesting, oversize bodies, wrong content types", async () => {
    const selected = routes.filter(takesBody);
    const failures = await fuzzRoutes(ctx, "raw", selected, RUNS.raw, (r) =>
      fc
        .record({
          payload: fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...RAW_BODIES) },
            { weight: 1, arbitrary: fuzzString },
            { weight: 1, arbitrary: hugeString.map((s) => `{"name":"${s}"}`) },
          ),
          contentType: fc.constantFrom(...CONTENT_TYPES),
          auth: authArb,
          id: validId(),
        })
        .map(({ payload, contentType, auth, id }): Case => ({ method: r.method, url: fillPath(r, id), contentType, payload, auth })),
    );
    expect(failures).toEqual([]);
  });

  it("path ids and query strings on every route (HEAD twins included)", async () => {
    const failures = await fuzzRoutes(ctx, "params", routes, RUNS.params, (r) => {
      const known = queryNames(r);
      const qKey = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...known, "__proto__", "constructor", "toString", "limit[]", "a[b]", "") },
        { weight: 1, arbitrary: fuzzString.map(encodeBytes) },
      );
      const qValue = fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            "",
            "0",
            "-1",
            "1e308",
            "-0",
            "NaN",
            "Infinity",
            "0x10",
            "true",
            "TRUE",
            "9007199254740993",
            "%00",
            "%ED%A0%80",
            "%",
            "%zz",
          ),
        },
        { weight: 2, arbitrary: fuzzString.map(encodeBytes) },
        { weight: 1, arbitrary: hugeString.map((s) => encodeBytes(s.slice(0, 20_000))) },
      );
      const query = fc.array(fc.tuple(qKey, qValue), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));
      const id = fc.oneof(
        { weight: 2, arbitrary: validId() },
        { weight: 3, arbitrary: fc.constantFrom(...RAW_IDS) },
        { weight: 2, arbitrary: fuzzString.map(encodeBytes) },
      );
      const payload = takesBody(r) ? toJsonText(sampleOf(bodySchema(r), hints) ?? {}) : undefined;
      return fc.record({ id, query, auth: authArb }).map(
        ({ id, query, auth }): Case => ({
          method: r.method,
          url: `${fillPath(r, id)}${query ? `?${query}` : ""}`,
          ...(payload === undefined ? {} : { payload, contentType: "application/json" }),
          auth,
        }),
      );
    });
    expect(failures).toEqual([]);
  });

  // HEAD twins run the GET handlers; the random properties above cover them, the sweep skips them.
  it("systematic sweep: every body field, query parameter and path id × each hostile value", { timeout: 900_000 }, async () => {
    const failures: string[] = [];
    const attempt = async (c: Case) => {
      try {
        await probe(ctx, labelled(c));
      } catch (err) {
        failures.push(`${caseToString(c)}\n    ${(err as Error).message}`);
      }
    };
    for (const r of routes.filter((route) => route.method !== "HEAD")) {
      const sample = takesBody(r) ? sampleOf(bodySchema(r), hints) : undefined;
      const payloadFor = (body: unknown) => (body !== undefined ? { payload: toJsonText(body), contentType: "application/json" } : {});
      const fields = typeof sample === "object" && sample !== null && !Array.isArray(sample) ? Object.keys(sample) : [];
      for (const field of fields) {
        for (const value of SWEEP_VALUES) {
          await attempt({
            method: r.method,
            url: fillPath(r, ids[0] ?? ""),
            auth: "owner-session",
            ...payloadFor(withKey(sample, field, value)),
          });
        }
      }
      for (const name of queryNames(r)) {
        for (const value of SWEEP_QUERY_VALUES) {
          await attempt({
            method: r.method,
            url: `${fillPath(r, ids[0] ?? "")}?${name}=${value}`,
            auth: "owner-session",
            ...payloadFor(sample),
          });
        }
        await attempt({
          method: r.method,
          url: `${fillPath(r, ids[0] ?? "")}?${name}=1&${name}=2`,
          auth: "owner-session",
          ...payloadFor(sample),
        });
      }
      if (r.params.length > 0) {
        for (const id of RAW_IDS) {
          await attempt({ method: r.method, url: fillPath(r, id), auth: "owner-session", ...payloadFor(sample) });
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("exercised the app for real (not just 401s) and reports its counts", () => {
    const by = Object.fromEntries([...stats.byStatus].sort(([a], [b]) => a - b));
    console.info(
      `[fuzz ${h.kind}] seed ${SEED}: ${stats.runs} fast-check runs (${[...stats.byProperty].map(([k, v]) => `${k} ${v}`).join(", ")}) ` +
        `over ${routes.length} routes; ${stats.requests} requests in all; statuses ${JSON.stringify(by)}`,
    );
    const count = (lo: number, hi: number) => [...stats.byStatus].filter(([s]) => s >= lo && s < hi).reduce((n, [, k]) => n + k, 0);
    expect(count(200, 300)).toBeGreaterThan(20);
    expect(stats.byStatus.get(400) ?? 0).toBeGreaterThan(100);
    expect(stats.byStatus.get(401) ?? 0).toBeGreaterThan(10);
    expect(stats.byStatus.get(404) ?? 0).toBeGreaterThan(10);
    expect(count(500, 600)).toBe(0);
  });
});
