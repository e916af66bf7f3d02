import { ROLES } from "@portcullis/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMatrixPartnerSession } from "../modules/questionnaires/questionnaires.matrix.ts";
import { cellsFor, type Matrix, type MatrixStats, runRoute, specOf } from "./authz/cells.ts";
import { ALL_ROLES, TABLE } from "./authz/table.ts";
import { makeWorld, type Principal, type World } from "./authz/world.ts";
import { addCaller } from "./factories.ts";
import { createHarness, type Harness } from "./harness.ts";
import { type ApiRoute, collectApiRoutes } from "./routes.ts";

/**
 * Every route × every caller × every target, judged against a table written from the product rules
 * (./authz/table.ts); fixtures in ./authz/world.ts, requests and judgements in ./authz/cells.ts.
 */
let h: Harness;
let routes: ApiRoute[] = [];
let A: World;
let B: World;
let principals: Principal[] = [];
const stats: MatrixStats = { cells: 0, crossTenant: 0, leaks: 0, requests: 0, startedAt: 0 };
let m: Matrix;

describe("authorization matrix", () => {
  beforeAll(async () => {
    const t0 = Date.now();
    h = await createHarness();
    console.info(`harness ${Date.now() - t0} ms`);
    routes = await collectApiRoutes(h.app.deps);
    A = await makeWorld(h, "A");
    B = await makeWorld(h, "B");
    const members: Principal[] = [];
    for (const role of ALL_ROLES) {
      const caller = role === "owner" ? A.owner : await addCaller(h, A.tenantId, role);
      A.markers.add(caller.userId).add(caller.email).add(caller.token);
      members.push({ label: `A ${role}`, via: "session", role, world: A, caller });
    }
    members.push({ label: "B owner", via: "session", role: "owner", world: B, caller: B.owner });
    // An outside partner holding a questionnaire session of A: it must reach the partner routes and nothing else.
    const partner = await openMatrixPartnerSession(h, A);
    principals = [
      { label: "anonymous", via: "anonymous", role: null, world: A, caller: null },
      ...members,
      ...members.map((m) => ({ ...m, via: "token" as const })),
      { label: "A partner session", via: "partner", role: null, world: A, caller: null, partner },
    ];
    m = { h, A, B, principals, stats };
    stats.startedAt = Date.now();
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  describe("meta", () => {
    it("the role list is the domain's: a new role must be placed in the table", () => {
      expect([...ROLES].sort()).toEqual([...ALL_ROLES].sort());
    });

    it("the table names every route of the router, and no route that no longer exists", () => {
      const routerKeys = new Set(routes.filter((r) => r.method !== "HEAD").map((r) => r.key));
      expect(routerKeys.size).toBeGreaterThan(0);
      const missingFromTable = [...routerKeys].filter((k) => !(k in TABLE)).sort();
      const notInRouter = Object.keys(TABLE)
        .filter((k) => !routerKeys.has(k))
        .sort();
      expect({ missingFromTable, notInRouter }).toEqual({ missingFromTable: [], notInRouter: [] });
    });

    it("every HEAD route is the twin of a GET route in the table", () => {
      const orphans = routes.filter((r) => r.method === "HEAD" && !(`GET ${r.url}` in TABLE)).map((r) => r.key);
      expect(orphans).toEqual([]);
    });

    it("every API route declares config.access (the hook lets undeclared routes through)", () => {
      expect(routes.filter((r) => r.access === undefined).map((r) => r.key)).toEqual([]);
    });

    it("every path parameter is :id with a record fixture, or has a fixed value in the table", () => {
      const bad = routes.flatMap((r) => {
        const spec = specOf(r);
        return r.params.filter((name) => (name === "id" ? !spec?.target : !spec?.params?.[name])).map((name) => `${r.key} :${name}`);
      });
      expect(bad).toEqual([]);
    });
  });

  describe("every route × every caller × every target", () => {
    for (const [key, spec] of Object.entries(TABLE)) {
      it(key, async () => {
        const [method = "", path = ""] = key.split(" ");
        expect(
          routes.some((r) => r.key === key),
          `${key} is not a route of the router`,
        ).toBe(true);
        const problems = await runRoute(m, method, path, spec);
        expect(problems).toEqual([]);
      });
    }

    it("HEAD twins of GET routes obey the GET rule", async () => {
      const heads = routes.filter((r) => r.method === "HEAD");
      expect(heads.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const route of heads) {
        const spec = TABLE[`GET ${route.url}`];
        if (!spec) {
          problems.push(`${route.key} has no GET twin in the table`);
          continue;
        }
        problems.push(...(await runRoute(m, "HEAD", route.url, spec)));
      }
      expect(problems).toEqual([]);
    });
  });

  it("covered every cell with zero cross-tenant leaks", () => {
    const expectedCells = routes.reduce((n, r) => n + cellsFor(m, r), 0);
    const seconds = ((Date.now() - stats.startedAt) / 1000).toFixed(1);
    console.info(
      `[authz-matrix ${h.kind}] ${routes.length} routes (${routes.filter((r) => r.method === "HEAD").length} HEAD) × ` +
        `${principals.length} callers; ${stats.cells} cells (${stats.crossTenant} cross-tenant), ${stats.requests} requests, ` +
        `${stats.leaks} leaks, ${seconds} s`,
    );
    expect(stats.cells).toBe(expectedCells);
    expect(stats.crossTenant).toBeGreaterThan(0);
    expect(stats.leaks).toBe(0);
  });
});
