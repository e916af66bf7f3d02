/** The request probe of the route fuzz (fuzz.int.test.ts): send a case, check every invariant. */
import { createHash } from "node:crypto";
import fc from "fast-check";
import type { Caller } from "../factories.ts";
import type { Harness } from "../harness.ts";
import { errorShapeProblems, guardedState, internalLeaks, openSession } from "../probes.ts";
import type { ApiRoute } from "../routes.ts";
import { type Case, labelled } from "./arbitraries.ts";
import { SEED } from "./seeds.ts";

/** Counts kept across the whole fuzz, reported by its last test. */
export interface FuzzStats {
  runs: number;
  requests: number;
  byStatus: Map<number, number>;
  byProperty: Map<string, number>;
}

/** What a probe needs: the app, the owner it fuzzes as, and the counts to update. */
export interface FuzzContext {
  h: Harness;
  owner: Caller;
  stats: FuzzStats;
}

/** Send one case and check every invariant; throws with the reasons. */
export async function probe(ctx: FuzzContext, c: Case): Promise<void> {
  const { h, owner, stats } = ctx;
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
export async function fuzzRoutes(
  ctx: FuzzContext,
  property: string,
  selected: ApiRoute[],
  runs: number,
  arb: (r: ApiRoute) => fc.Arbitrary<Case>,
): Promise<string[]> {
  const { stats } = ctx;
  const failures: string[] = [];
  for (const route of selected) {
    const seed = (SEED ^ createHash("sha256").update(`${property} ${route.key}`).digest().readInt32BE(0)) | 0;
    try {
      await fc.assert(
        fc.asyncProperty(arb(route).map(labelled), async (c) => {
          stats.runs += 1;
          stats.byProperty.set(property, (stats.byProperty.get(property) ?? 0) + 1);
          await probe(ctx, c);
        }),
        { seed, numRuns: runs },
      );
    } catch (err) {
      failures.push(`[${property}] ${route.key} (seed ${seed}, FUZZ_SEED=${SEED}):\n${String((err as Error).message).slice(0, 2500)}`);
    }
  }
  return failures;
}
