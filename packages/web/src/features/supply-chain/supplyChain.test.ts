import fc from "fast-check";
import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import world from "world-atlas/countries-110m.json";
import { ApiError } from "../../api/client";
import { LOCATION_KINDS } from "./api";
import { buildGraphModel } from "./graph/graphModel";
import { buildGrid, nearest } from "./graph/gridIndex";
import { syntheticGraph } from "./graph/synthetic";
import { fitView, zoomView } from "./graph/view";
import { emptyLeg, type LaneFormValues, serverLegErrors } from "./laneForm";
import { alpha2For } from "./map/countryCodes";
import { bestCentralMeridian, worldGeometry } from "./map/geo";
import { checkLegs, LANE_MODES, NODE_KINDS } from "./nodes";

interface DomainChain {
  LEG_MODES: readonly string[];
  NODE_KINDS: readonly string[];
  LOCATION_KINDS: readonly string[];
  checkLane: (legs: readonly { from: string; to: string }[]) => { rule: string } | null;
}
// The web tsconfig cannot type-check the domain sources (they import with .ts extensions): load by a name tsc does not follow.
const DOMAIN = "@portcullis/domain";
const d = (await import(/* @vite-ignore */ DOMAIN)) as DomainChain;

/** A stand-in for i18next's t that shows the key and its values, so tests can see which message was chosen. */
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;

describe("lane rules in the browser", () => {
  it("mirror the domain's modes, node kinds and location kinds", () => {
    expect([...LANE_MODES]).toEqual([...d.LEG_MODES]);
    expect([...NODE_KINDS]).toEqual([...d.NODE_KINDS]);
    expect([...LOCATION_KINDS]).toEqual([...d.LOCATION_KINDS]);
  });

  it("accept exactly the lanes the server's checkLane accepts", () => {
    const node = fc.constantFrom("a", "b", "c", "d", "e");
    fc.assert(
      fc.property(fc.array(fc.record({ from: node, to: node }), { minLength: 1, maxLength: 6 }), (legs) => {
        expect(checkLegs(legs).length === 0).toBe(d.checkLane(legs) === null);
      }),
      { numRuns: 2000 },
    );
  });

  it("put each problem on the leg to fix", () => {
    expect(
      checkLegs([
        { from: "a", to: "b" },
        { from: "c", to: "d" },
      ]),
    ).toEqual([{ leg: 1, kind: "gap" }]);
    expect(
      checkLegs([
        { from: null, to: "b" },
        { from: "b", to: null },
      ]),
    ).toEqual([
      { leg: 0, kind: "missing-from" },
      { leg: 1, kind: "missing-to" },
    ]);
    expect(checkLegs([{ from: "a", to: "a" }])).toEqual([{ leg: 0, kind: "same-ends" }]);
    expect(
      checkLegs([
        { from: "a", to: "b" },
        { from: "b", to: "c" },
        { from: "c", to: "a" },
      ]),
    ).toEqual([{ leg: 2, kind: "repeat", node: "a" }]);
  });
});

describe("server errors on the lane form", () => {
  const values: LaneFormValues = {
    name: "x",
    externalKey: "",
    description: "",
    legs: [
      { ...emptyLeg("site:1"), to: "port:USLAX", mode: "sea", carrierPartnerId: "p1" },
      { ...emptyLeg("port:USLGB"), to: "site:2", mode: "road", atRest: [{ key: "r", node: "port:USLAX", description: "" }] },
    ],
  };
  const refused = (details: unknown, code = "rule_violation") => new ApiError(422, code, "refused", details, null);

  it("place a gap after leg 1 on leg 2's start", () => {
    expect(serverLegErrors(refused({ rule: "gap", gapAfterLeg: 1, expected: "port:USLAX", found: "port:USLGB" }), values, t, {})).toEqual({
      1: { from: 'lanes.errors.gap {"leg":1}' },
    });
  });

  it("flag every leg of a cycle, every leg naming an unknown node, and the carrier's leg", () => {
    expect(
      Object.keys(serverLegErrors(refused({ rule: "cycle", node: "a", cycle: ["a", "b", "a"], legs: [1, 2] }), values, t, {})),
    ).toEqual(["0", "1"]);
    expect(serverLegErrors(refused({ rule: "unknown_node", nodes: ["port:USLAX"] }), values, t, {})).toEqual({
      0: { to: 'lanes.errors.unknownNode {"node":"port:USLAX"}' },
      1: { atRest: 'lanes.errors.unknownNode {"node":"port:USLAX"}' },
    });
    expect(serverLegErrors(refused({ rule: "unknown_carrier", carrierPartnerIds: ["p1"] }), values, t, {})).toEqual({
      0: { carrier: "lanes.errors.unknownCarrier" },
    });
  });

  it("map validation issues by leg number and field", () => {
    const e = refused({ issues: [{ path: ["legs", 1, "mode"], message: "bad" }] }, "validation_failed");
    expect(serverLegErrors(e, values, t, {})).toEqual({ 1: { mode: 'errors.fieldInvalid {"message":"bad"}' } });
  });
});

describe("graph hit-testing", () => {
  it("finds the same node as a scan of every point, with the axes scaled differently", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 })), { minLength: 1, maxLength: 200 }),
        fc.tuple(fc.integer({ min: -520, max: 520 }), fc.integer({ min: -520, max: 520 })),
        fc.constantFrom(0.05, 0.5, 1, 3),
        fc.constantFrom(0.2, 1, 4),
        (points, [qx, qy], kx, ky) => {
          const xs = Float64Array.from(points.map((p) => p[0]));
          const ys = Float64Array.from(points.map((p) => p[1]));
          const grid = buildGrid(xs, ys, 25);
          const got = nearest(grid, qx, qy, 12, kx, ky);
          const dist = (i: number) => Math.hypot((xs[i]! - qx) * kx, (ys[i]! - qy) * ky);
          let best = Number.POSITIVE_INFINITY;
          for (let i = 0; i < xs.length; i++) best = Math.min(best, dist(i));
          if (best > 12) expect(got).toBe(-1);
          else expect(dist(got)).toBeCloseTo(best, 9);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("fits a 5,000-node graph in the viewport and zooms around the pointer", () => {
    const model = buildGraphModel(syntheticGraph(5000));
    expect(model.nodes).toHaveLength(5001);
    const { view, limits } = fitView(model, 1000, 600);
    for (let i = 0; i < model.xs.length; i++) {
      const sx = model.xs[i]! * view.kx + view.x;
      const sy = model.ys[i]! * view.ky + view.y;
      expect(sx).toBeGreaterThanOrEqual(0);
      expect(sx).toBeLessThanOrEqual(1000);
      expect(sy).toBeGreaterThanOrEqual(0);
      expect(sy).toBeLessThanOrEqual(600);
    }
    const zoomed = zoomView(view, 1.7, 300, 200, limits);
    // The world point under the pointer stays under it.
    expect((300 - view.x) / view.kx).toBeCloseTo((300 - zoomed.x) / zoomed.kx, 9);
    expect((200 - view.y) / view.ky).toBeCloseTo((200 - zoomed.y) / zoomed.ky, 9);
  });
});

describe("world map", () => {
  it("knows the alpha-2 code of every Natural Earth country but the two without one", () => {
    const geometries = (world as unknown as { objects: { countries: { geometries: { id?: string; properties: { name: string } }[] } } })
      .objects.countries.geometries;
    const missing = geometries.filter((g) => !alpha2For(g.id, g.properties.name)).map((g) => g.properties.name);
    expect(missing.sort()).toEqual(["N. Cyprus", "Somaliland"]);
    expect(alpha2For("484", "Mexico")).toBe("MX");
    expect(alpha2For(undefined, "Kosovo")).toBe("XK");
  });

  it("centres the map so a trans-Pacific lane is not cut at the edge", () => {
    const shanghaiToLa: [number, number] = [121.5, -118.25];
    const c = bestCentralMeridian([121.5, -118.25], [shanghaiToLa]);
    const geo = worldGeometry(c);
    const a = geo.project(121.5, 31.2);
    const b = geo.project(-118.25, 34.05);
    // One piece: the arc's path has a single move-to.
    expect(
      geo
        .arc([
          [121.5, 31.2],
          [-118.25, 34.05],
        ])
        .match(/M/g),
    ).toHaveLength(1);
    expect(a && b).toBeTruthy();
    expect(bestCentralMeridian([2, 13, -3], [[2, 13]])).toBe(0);
  });
});
