/** Requests and judgements of the authorization matrix (authz-matrix.int.test.ts). */
import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import type { Harness } from "../harness.ts";
import { Multipart } from "../multipart.ts";
import { openSession } from "../probes.ts";
import type { ApiRoute } from "../routes.ts";
import { type RouteSpec, TABLE } from "./table.ts";
import { makeRecord, type Principal, type Rec, type Target, type World } from "./world.ts";

/** Counts kept across the whole matrix, reported by its last test. */
export interface MatrixStats {
  cells: number;
  crossTenant: number;
  leaks: number;
  requests: number;
  startedAt: number;
}

/** The matrix's state: the app, both companies, every caller and the counts. */
export interface Matrix {
  h: Harness;
  A: World;
  B: World;
  principals: Principal[];
  stats: MatrixStats;
}

/** What one cell should answer. */
export type Expected = { kind: "2xx" } | { kind: "error"; status: number; code: string };

/** The expected answer for one caller and target, from the table's rule. */
export function expectation(spec: RouteSpec, p: Principal, target: Target | null): Expected {
  if (spec.allow === "public") return { kind: "2xx" };
  // A partner session opens the partner routes and nothing else; nothing else opens them.
  if (spec.allow === "partner") return p.via === "partner" ? { kind: "2xx" } : { kind: "error", status: 401, code: "unauthenticated" };
  if (p.via === "anonymous" || p.via === "partner") return { kind: "error", status: 401, code: "unauthenticated" };
  const allowed = spec.allow === "authenticated" || (p.role !== null && spec.allow.includes(p.role));
  if (!allowed) return { kind: "error", status: 403, code: "forbidden" };
  if (target === "foreign" || target === "missing") return { kind: "error", status: 404, code: "not_found" };
  if (p.via === "token" && spec.viaToken) return { kind: "error", ...spec.viaToken };
  return { kind: "2xx" };
}

/** Send one request as the caller (fresh session when the route ends it). */
export async function send(
  m: Matrix,
  p: Principal,
  spec: RouteSpec,
  method: string,
  url: string,
  recordId?: string,
): Promise<LightMyRequestResponse> {
  const { h, stats } = m;
  const headers: Record<string, string> = {};
  if (p.via === "session" && p.caller) {
    const s = spec.freshSession ? await openSession(h, p.caller.userId, p.caller.tenantId) : p.caller;
    headers.cookie = s.cookie;
    if (method !== "GET" && method !== "HEAD") headers["x-csrf-token"] = s.csrfToken;
  } else if (p.via === "token" && p.caller) {
    headers.authorization = `Bearer ${p.caller.token}`;
  } else if (p.via === "partner" && p.partner) {
    headers.cookie = p.partner.cookie;
    // Both CSRF headers on writes, so a refusal can only be about the credential itself.
    if (method !== "GET" && method !== "HEAD") {
      headers["x-partner-csrf-token"] = p.partner.csrfToken;
      headers["x-csrf-token"] = p.partner.csrfToken;
    }
  }
  const body = method === "GET" || method === "HEAD" ? undefined : spec.body?.({ world: p.world, ...(recordId ? { recordId } : {}) });
  stats.requests += 1;
  if (body instanceof Multipart) {
    headers["content-type"] = body.contentType;
    return h.app.inject({ method: method as never, url, headers, payload: body.payload });
  }
  return h.app.inject({ method: method as never, url, headers, ...(body === undefined ? {} : { payload: body as never }) });
}

/** A cell as one readable line. */
export function describeCell(method: string, url: string, p: Principal, target: Target | null): string {
  return `${method} ${url} as ${p.label} via ${p.via}${target ? ` on ${target} record` : ""}`;
}

/** Check one response against the expectation; returns problems (empty when fine). */
export function judge(res: LightMyRequestResponse, exp: Expected, method: string, cell: string): string[] {
  const got = `${res.statusCode} ${res.body.slice(0, 160)}`;
  if (exp.kind === "2xx") {
    return res.statusCode >= 200 && res.statusCode < 300 ? [] : [`${cell}: expected 2xx, got ${got}`];
  }
  if (res.statusCode !== exp.status) {
    return [`${cell}: expected ${exp.status} ${exp.code}, got ${got}`];
  }
  if (method === "HEAD") {
    return res.body === "" ? [] : [`${cell}: HEAD answered with a body`];
  }
  let code: unknown;
  try {
    code = res.json().error?.code;
  } catch {
    code = undefined;
  }
  return code === exp.code ? [] : [`${cell}: expected code ${exp.code}, got ${got}`];
}

/** Any identifier of the other company in a response is a leak. */
export function leaksIn(m: Matrix, res: LightMyRequestResponse, p: Principal): string[] {
  const { A, B } = m;
  const other = p.world === A ? B : A;
  return [...other.markers].filter((m) => res.body.includes(m));
}

/** Run every caller × target for one route (method may be HEAD, judged by its GET twin's rule). */
export async function runRoute(m: Matrix, method: string, path: string, spec: RouteSpec): Promise<string[]> {
  const { h, A, B, principals, stats } = m;
  const problems: string[] = [];
  for (const p of principals) {
    const targets: (Target | null)[] = spec.target ? ["own", "foreign", "missing"] : [null];
    const responses = new Map<Target, LightMyRequestResponse>();
    for (const target of targets) {
      let rec: Rec | null = null;
      let url = fillFixedParams(path, spec);
      let recordId: string | undefined;
      if (spec.target && target) {
        const world = target === "own" ? p.world : target === "foreign" ? (p.world === A ? B : A) : null;
        rec = world ? await makeRecord(h, spec.target, world, p) : null;
        recordId = rec ? rec.id : randomUUID();
        url = url.replace(":id", recordId);
      }
      await spec.setup?.({ h, world: p.world });
      const before = rec ? await rec.read() : null;
      const res = await send(m, p, spec, method, url, recordId);
      const exp = expectation(spec, p, target);
      const cell = describeCell(method, url, p, target);
      stats.cells += 1;
      problems.push(...judge(res, exp, method, cell));
      const leaked = leaksIn(m, res, p);
      const crossTenant = target === "foreign";
      if (crossTenant) stats.crossTenant += 1;
      if (leaked.length > 0 || (crossTenant && res.statusCode >= 200 && res.statusCode < 300)) {
        stats.leaks += 1;
        problems.push(`${cell}: LEAK (status ${res.statusCode}; other company's identifiers in body: ${JSON.stringify(leaked)})`);
      }
      if (rec && before !== null && (res.statusCode < 200 || res.statusCode >= 300)) {
        const after = await rec.read();
        if (after !== before) problems.push(`${cell}: refused with ${res.statusCode} but the record changed`);
      }
      if (target) responses.set(target, res);
    }
    const foreign = responses.get("foreign");
    const missing = responses.get("missing");
    if (foreign && missing && (foreign.statusCode !== missing.statusCode || foreign.body !== missing.body)) {
      problems.push(
        `${describeCell(method, path, p, null)}: another company's record is distinguishable from a missing one: ` +
          `${foreign.statusCode} ${foreign.body.slice(0, 120)} vs ${missing.statusCode} ${missing.body.slice(0, 120)}`,
      );
    }
  }
  return problems;
}

/** Replace the path parameters that name no record (spec.params) with their fixed values; add spec.query. */
export function fillFixedParams(path: string, spec: RouteSpec): string {
  const filled = path.replace(/:([A-Za-z0-9_]+)/g, (whole, name: string) => (name !== "id" && spec.params?.[name]) || whole);
  return spec.query ? `${filled}?${spec.query}` : filled;
}

/** The table's rule for a route (a HEAD route follows its GET twin). */
export function specOf(route: ApiRoute): RouteSpec | undefined {
  return TABLE[route.method === "HEAD" ? `GET ${route.url}` : route.key];
}

/** How many cells a route has: every caller, times three targets when it names a record. */
export function cellsFor(m: Matrix, route: ApiRoute): number {
  return m.principals.length * (specOf(route)?.target ? 3 : 1);
}
