import { createHash, randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../modules/tokens/tokens.service.ts";
import { addCaller, type Caller, createSiteFixture, createTenantFixture, unique } from "./factories.ts";
import { createHarness, type Harness } from "./harness.ts";
import { errorShapeProblems, guardedState, internalLeaks, openSession } from "./probes.ts";
import { type ApiRoute, collectApiRoutes, toOpenApiPath } from "./routes.ts";

/**
 * Fuzz every route of the router with hostile bodies, query strings, path ids, content types and
 * credentials. Invariants: never a 5xx, never a stack trace or file path in a body, every error in the
 * one error shape, and a rejected (4xx) request changes no row of the guarded tables.
 *
 * Fixed seed (override with FUZZ_SEED); each route gets its own seed derived from it, printed on failure.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
/** Runs per route and property: bodies on routes that take one, raw payloads on writes, ids/queries on all. */
const RUNS = { body: 9, raw: 6, params: 5 };

// ─── Hostile material ─────────────────────────────────────────────────────────────────────────────────

/** A JSON fragment spliced into a body verbatim (numbers JSON.stringify cannot write, escapes, deep nesting). */
class Raw {
  constructor(readonly text: string) {}
}

const DEPTH = 10_000;
const DEEP_ARRAY = `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(DEPTH)}1${"}".repeat(DEPTH)}`;
const WIDE_ARRAY = `[${"1,".repeat(100_000)}1]`;

const RAW_VALUES = [
  "1e999",
  "-1e999",
  "-0",
  "1e308",
  "-1e308",
  "5e-324",
  "0.1e-400",
  "123456789012345678901234567890",
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800"',
  '"\\udfff\\ud800"',
  '"x\\uD83D"',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  DEEP_ARRAY,
  DEEP_OBJECT,
  WIDE_ARRAY,
  // Not JSON at all: the whole body becomes invalid.
  "NaN",
  "Infinity",
  "0x10",
  "01",
  "undefined",
  "'single'",
];

const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
  "",
  " ",
  "  padded  ",
  "NaN",
  "Infinity",
  "-0",
  "1e308",
  "0x1F",
  "null",
  "undefined",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\udc00\ud800",
  "😀",
  "👩‍👩‍👧‍👦",
  "\u202eevil",
  "\ufeffbom",
  "𝕏𝔂𝔃",
  "' OR '1'='1",
  "'; DROP TABLE sites; --",
  "%00",
  "%s%n%x",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  "${7*7}",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "0000-01-01",
  "2024-02-30",
  "9999-12-31",
  "-infinity",
  "epoch",
  "1970-01-01T00:00:00Z",
  "owner",
  "partner",
  "00000000-0000-0000-0000-000000000000",
  "XX",
  "mx",
  "a@b",
  "x@y.z",
  [],
  {},
  [null],
  [[[]]],
  ["importer", "importer"],
  JSON.parse('{"__proto__":{"isAdmin":true}}'),
];

/** The deterministic sweep: each body field and query parameter gets each of these. */
const SWEEP_VALUES: unknown[] = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "😀",
  "0000-01-01",
  "2024-02-30",
  "-infinity",
  1e308,
  -1,
  "1e308",
  "x".repeat(100_000),
  [],
  {},
  null,
  true,
  new Raw(DEEP_ARRAY),
  new Raw("1e999"),
  new Raw('{"__proto__":{"x":1}}'),
];
const SWEEP_QUERY_VALUES = ["%00", "a%00b", "%ED%A0%80", "%F0%9F%98%80", "1e308", "-1", "0x10", "", "%", "x".repeat(10_000)];

/** Path segments, already encoded as they would arrive. */
const RAW_IDS = [
  "not-a-uuid",
  "%00",
  "%",
  "%zz",
  "%ED%A0%80",
  "%F0%9F%98%80",
  "..",
  "%2e%2e",
  "%2F",
  "1e308",
  "-0",
  "NaN",
  "null",
  "__proto__",
  "constructor",
  "x".repeat(201),
  "x".repeat(5000),
  "%20",
  "%E2%80%AE",
  "a;b",
  "*",
  "00000000-0000-0000-0000-00000000000G",
  "00000000-0000-0000-0000-000000000000%00",
];

const RAW_BODIES = [
  "",
  " ",
  "{",
  "}",
  "[",
  "nul",
  '{"a":1,}',
  "{'a':1}",
  "[1,2",
  "\u0000",
  "\ufeff{}",
  '{"a":"\\x41"}',
  '{"name":"\ud800"}',
  "null",
  "true",
  "0",
  '"string"',
  "[]",
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  DEEP_ARRAY,
  DEEP_OBJECT,
  `{"name":"${"x".repeat(1_040_000)}"}`,
  `{"name":"${"x".repeat(1_100_000)}"}`,
  "a=1&b=2",
  "<xml/>",
];

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "APPLICATION/JSON",
  "application/vnd.api+json",
  "text/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/octet-stream",
  "application/json, text/plain",
  undefined,
];

const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const oddChar = fc.constantFrom("\u0000", "\u0001", "\u007f", "😀", "\u202e", "\ufeff", "'", '"', "\\", "%", "/", "&", "=", "?", "#", "\n");
const unit = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: surrogate },
  { weight: 2, arbitrary: oddChar },
);
const fuzzString = fc.string({ unit, maxLength: 40 });
const hugeString = fc.constantFrom(256, 5_000, 100_000, 1_000_000).chain((n) => fc.constantFrom("x", "é", "😀").map((c) => c.repeat(n)));

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: fuzzString },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.array(fuzzString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fuzzString, fuzzString, { maxKeys: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_VALUES).map((t) => new Raw(t)) },
);

/** JSON text of a value, splicing Raw fragments in verbatim. */
function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v) => {
    if (v instanceof Raw) {
      raws.push(v.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return v;
  });
  return raws.reduce((t, raw, i) => t.replace(JSON.stringify(`\u0001raw${i}\u0001`), raw), text ?? "");
}

/** Copy of an object with one own property set (works for "__proto__" too). */
function withKey(base: unknown, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = typeof base === "object" && base !== null && !Array.isArray(base) ? { ...base } : {};
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Percent-encode every byte of the UTF-8 form except unreserved characters. */
function encodeBytes(s: string): string {
  return [...Buffer.from(s, "utf8")]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0").toUpperCase()}`,
    )
    .join("");
}

// ─── Valid samples from the route's own OpenAPI schema ────────────────────────────────────────────────

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
};

/**
 * A valid value for a JSON schema. `hints` supplies what JSON Schema cannot say (a zod refinement such as
 * "an ISO country code"); the meta-test below proves every sample passes the route's own zod schema.
 */
function sampleOf(schema: JsonSchema | undefined, hints: Record<string, unknown> = {}): unknown {
  if (!schema) return undefined;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sampleOf(options.find((o) => o.type !== "null") ?? options[0], hints);
  if ("const" in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, k in hints ? hints[k] : sampleOf(s, hints)]));
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sampleOf(schema.items, hints));
    case "string":
      if (schema.format === "email") return `${unique("fuzz")}@example.test`;
      if (schema.format === "date") return "2025-06-30";
      if (schema.format === "uuid") return randomUUID();
      return "Sample value".padEnd(Math.max(schema.minLength ?? 1, 12), "x");
    case "integer":
    case "number": {
      const lo = schema.minimum ?? 1;
      const hi = schema.maximum ?? lo + 10;
      return Math.round((lo + hi) / 2);
    }
    case "boolean":
      return true;
    default:
      return "default" in schema ? schema.default : null;
  }
}

// ─── The suite ────────────────────────────────────────────────────────────────────────────────────────

type AuthMode = "owner-session" | "owner-token" | "anonymous" | "session-without-csrf" | "garbage-authorization";
const authArb: fc.Arbitrary<AuthMode> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<AuthMode>("owner-session") },
  { weight: 2, arbitrary: fc.constant<AuthMode>("owner-token") },
  { weight: 2, arbitrary: fc.constant<AuthMode>("anonymous") },
  { weight: 1, arbitrary: fc.constantFrom<AuthMode>("session-without-csrf", "garbage-authorization") },
);

interface Case {
  method: string;
  url: string;
  contentType?: string;
  payload?: string;
  auth: AuthMode;
}

function caseToString(c: Case): string {
  const p = c.payload;
  const payload = p === undefined ? "none" : `${JSON.stringify(p.slice(0, 160))}${p.length > 160 ? `… (${p.length} chars)` : ""}`;
  const url = c.url.length > 200 ? `${c.url.slice(0, 200)}… (${c.url.length} chars)` : c.url;
  return `${c.method} ${url} auth=${c.auth} content-type=${c.contentType ?? "none"} payload=${payload}`;
}

/** Give a case a readable form in fast-check's report (1 MB payloads stay out of the log). */
function labelled(c: Case): Case {
  return Object.assign(c, { [fc.toStringMethod]: () => caseToString(c) });
}

describe("fuzzing every route", () => {
  let h: Harness;
  let owner: Caller;
  let routes: ApiRoute[] = [];
  let doc: { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>> };
  let ids: string[] = [];
  let hints: Record<string, unknown> = {};
  const stats = { runs: 0, requests: 0, byStatus: new Map<number, number>(), byProperty: new Map<string, number>() };

  const operation = (r: ApiRoute) => doc.paths[toOpenApiPath(r.url)]?.[(r.method === "HEAD" ? "GET" : r.method).toLowerCase()];
  const bodySchema = (r: ApiRoute) =>
    (operation(r)?.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.["application/json"]?.schema;
  const queryNames = (r: ApiRoute) => (operation(r)?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
  const takesBody = (r: ApiRoute) => !["GET", "HEAD"].includes(r.method);

  /** Send one case and check every invariant; throws with the reasons. */
  async function probe(c: Case): Promise<void> {
    const headers: Record<string, string> = {};
    if (c.auth === "owner-session" || c.auth === "session-without-csrf") {
      // A fresh session per request: a fuzzed logout or switch must not disarm the next runs.
      const s = await openSession(h, owner.userId, owner.tenantId);
      headers.cookie = s.cookie;
      if (c.auth === "owner-session") headers["x-csrf-token"] = s.csrfToken;
    } else if (c.auth === "owner-token") {
      headers.authorization = `Bearer ${owner.token}`;
    } else if (c.auth === "garbage-authorization") {
      headers.authorization = "Bearer ' OR 1=1 --";
    }
    if (c.contentType !== undefined) headers["content-type"] = c.contentType;
    const before = await guardedState(h);
    const res = await h.app.inject({
      method: c.method as never,
      url: c.url,
      headers,
      ...(c.payload === undefined ? {} : { payload: c.payload }),
    });
    stats.requests += 1;
    stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
    const problems: string[] = [];
    if (res.statusCode >= 500) problems.push(`server error ${res.statusCode}`);
    if (res.headers["x-content-type-options"] !== "nosniff" || res.headers["cache-control"] !== "no-store") {
      problems.push("security headers missing");
    }
    problems.push(...internalLeaks(res.body).map((w) => `body shows a ${w}`));
    if (res.statusCode >= 400 && c.method !== "HEAD") problems.push(...errorShapeProblems(res));
    if (res.statusCode >= 400 && res.statusCode < 500) {
      const after = await guardedState(h);
      const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
      if (changed.length > 0) problems.push(`rejected with ${res.statusCode} but changed ${changed.join(", ")}`);
    }
    if (problems.length > 0) {
      throw new Error(`${problems.join("; ")}\n    response: ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
  }

  /** fc.assert per route with a seed derived from the route, collecting failures instead of stopping. */
  async function fuzzRoutes(
    property: string,
    selected: ApiRoute[],
    runs: number,
    arb: (r: ApiRoute) => fc.Arbitrary<Case>,
  ): Promise<string[]> {
    const failures: string[] = [];
    for (const route of selected) {
      const seed = (SEED ^ createHash("sha256").update(`${property} ${route.key}`).digest().readInt32BE(0)) | 0;
      try {
        await fc.assert(
          fc.asyncProperty(arb(route).map(labelled), async (c) => {
            stats.runs += 1;
            stats.byProperty.set(property, (stats.byProperty.get(property) ?? 0) + 1);
            await probe(c);
          }),
          { seed, numRuns: runs },
        );
      } catch (err) {
        failures.push(`[${property}] ${route.key} (seed ${seed}, FUZZ_SEED=${SEED}):\n${String((err as Error).message).slice(0, 2500)}`);
      }
    }
    return failures;
  }

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
    ids = [mySite, theirSite, member.userId, other.userId, spareToken.item.id, randomUUID()];
    hints = { countryCode: "MX", tenantId: owner.tenantId };
    routes = await collectApiRoutes(h.app.deps);
    doc = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
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
    const failures = await fuzzRoutes("body", selected, RUNS.body, (r) => {
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
    const failures = await fuzzRoutes("raw", selected, RUNS.raw, (r) =>
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
    const failures = await fuzzRoutes("params", routes, RUNS.params, (r) => {
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
  it("systematic sweep: every body field, query parameter and path id × each hostile value", { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    const attempt = async (c: Case) => {
      try {
        await probe(labelled(c));
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
