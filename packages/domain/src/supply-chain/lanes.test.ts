import { describe, expect, it } from "vitest";
import { laneImpact, legImpact, maxRisk } from "./impact.ts";
import { checkLane, laneRoute } from "./lane-rules.ts";
import { canonicalNodeKey, formatNodeKey, NodeKeySchema, parseNodeKey } from "./node-keys.ts";

const A = "site:0a4f3c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
const B = "partner-site:1b5e4d2f-6c7e-4f80-9bac-1d2e3f4a5b6c";

describe("node keys", () => {
  it("parses the three kinds and formats them back", () => {
    expect(parseNodeKey(A)).toEqual({ kind: "site", id: "0a4f3c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b" });
    expect(parseNodeKey(B)).toEqual({ kind: "partner-site", id: "1b5e4d2f-6c7e-4f80-9bac-1d2e3f4a5b6c" });
    expect(parseNodeKey("port:USLAX")).toEqual({ kind: "port", id: "USLAX" });
    for (const key of [A, B, "port:USLAX", "port:US-POE-2402"]) {
      expect(formatNodeKey(parseNodeKey(key) as never)).toBe(key);
    }
  });

  it("normalises spelling: UUID case, port case, alternative port codes", () => {
    expect(canonicalNodeKey(A.toUpperCase().replace("SITE:", "site:"))).toBe(A);
    expect(canonicalNodeKey("port:uslgb")).toBe("port:USLGB");
    expect(canonicalNodeKey("port:CNSHG")).toBe("port:CNSHA");
    // Unknown codes keep their (upper-case) spelling: existence is the server's question.
    expect(canonicalNodeKey("port:zzzzz")).toBe("port:ZZZZZ");
  });

  it("rejects anything else", () => {
    for (const bad of ["", "site:", "site:123", "partner:abc", "port:", "port:A", "port:US LAX", "USLAX", `site:${"a".repeat(200)}`]) {
      expect(parseNodeKey(bad), bad).toBeNull();
      expect(NodeKeySchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(NodeKeySchema.parse("port:cnshg")).toBe("port:CNSHA");
  });
});

describe("lane rules", () => {
  const leg = (from: string, to: string) => ({ from, to });

  it("accepts a chain and lists its route", () => {
    const legs = [leg("a", "b"), leg("b", "c"), leg("c", "d")];
    expect(checkLane(legs)).toBeNull();
    expect(laneRoute(legs)).toEqual(["a", "b", "c", "d"]);
  });

  it("needs a leg", () => {
    expect(checkLane([])).toEqual({ rule: "no_legs" });
  });

  it("reports the leg after which the chain breaks", () => {
    expect(checkLane([leg("a", "b"), leg("b", "c"), leg("x", "d")])).toEqual({ rule: "gap", gapAfterLeg: 2, expected: "c", found: "x" });
    expect(checkLane([leg("a", "b"), leg("c", "d")])).toMatchObject({ rule: "gap", gapAfterLeg: 1 });
  });

  it("reports a node visited twice with the loop and its legs", () => {
    expect(checkLane([leg("a", "b"), leg("b", "c"), leg("c", "b"), leg("b", "d")])).toEqual({
      rule: "cycle",
      node: "b",
      cycle: ["b", "c", "b"],
      legs: [2, 3],
    });
    expect(checkLane([leg("a", "b"), leg("b", "a")])).toEqual({ rule: "cycle", node: "a", cycle: ["a", "b", "a"], legs: [1, 2] });
    expect(checkLane([leg("a", "a")])).toEqual({ rule: "cycle", node: "a", cycle: ["a", "a"], legs: [1] });
  });

  it("reports a gap before a cycle further on", () => {
    expect(checkLane([leg("a", "b"), leg("c", "a"), leg("a", "b")])).toMatchObject({ rule: "gap", gapAfterLeg: 1 });
  });
});

describe("impact helpers", () => {
  const legs = [
    { seq: 1, from: "f", to: "p1", carrierPartnerId: "truck", atRest: [] },
    { seq: 2, from: "p1", to: "p2", carrierPartnerId: "ship", atRest: [{ node: "yard" }] },
    { seq: 3, from: "p2", to: "dc", carrierPartnerId: null, atRest: [] },
  ];

  it("names how a leg is touched", () => {
    expect(legImpact(legs[1] as never, { nodes: new Set(["p1", "yard"]), carrierIds: new Set(["ship"]) })).toEqual([
      "from",
      "carrier",
      "at-rest",
    ]);
    expect(legImpact(legs[2] as never, { nodes: new Set(["x"]) })).toEqual([]);
  });

  it("finds the first disrupted point and what lies behind it", () => {
    expect(laneImpact(legs, { nodes: new Set(["p1"]) })).toEqual({
      hits: [
        { seq: 1, reasons: ["to"] },
        { seq: 2, reasons: ["from"] },
      ],
      firstHitSeq: 1,
      downstream: ["p2", "dc"],
    });
    expect(laneImpact(legs, { nodes: new Set(), carrierIds: new Set(["truck"]) })?.downstream).toEqual(["p1", "p2", "dc"]);
    expect(laneImpact(legs, { nodes: new Set(["yard"]) })?.downstream).toEqual(["p2", "dc"]);
    expect(laneImpact(legs, { nodes: new Set(["dc"]) })).toEqual({ hits: [{ seq: 3, reasons: ["to"] }], firstHitSeq: 3, downstream: [] });
    expect(laneImpact(legs, { nodes: new Set(["elsewhere"]) })).toBeNull();
  });

  it("takes the highest risk", () => {
    expect(maxRisk(["low", null, "high", "medium"])).toBe("high");
    expect(maxRisk(["low", "bogus"])).toBe("low");
    expect(maxRisk([null, undefined])).toBeNull();
  });
});
