import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countCrossings, layoutTiers, type TierNode } from "./layout.ts";
import { allPaths, buildAdjacency } from "./paths.ts";

type Edge = { from: string; to: string };

/** Independent reference: recursive enumeration straight over the edge list. */
function bruteForcePaths(edges: Edge[], from: string, to: string): string[][] {
  const unique = [...new Map(edges.filter((e) => e.from !== e.to).map((e) => [`${e.from}>${e.to}`, e])).values()];
  const out: string[][] = [];
  const walk = (path: string[]) => {
    const last = path[path.length - 1];
    for (const e of unique) {
      if (e.from !== last || path.includes(e.to)) continue;
      if (e.to === to) out.push([...path, to]);
      else walk([...path, e.to]);
    }
  };
  if (from !== to) walk([from]);
  return out;
}

const sortPaths = (paths: string[][]) => paths.map((p) => p.join(" ")).sort();

describe("allPaths", () => {
  const edges: Edge[] = [
    { from: "factory", to: "CNYTN" },
    { from: "CNYTN", to: "USLAX" },
    { from: "CNYTN", to: "USLGB" },
    { from: "USLAX", to: "dc" },
    { from: "USLGB", to: "dc" },
    { from: "USLGB", to: "USLAX" },
    // Same hop on a second lane, and a loop back: neither adds a path.
    { from: "CNYTN", to: "USLAX" },
    { from: "dc", to: "factory" },
  ];

  it("finds every simple path, shortest first", () => {
    const result = allPaths(buildAdjacency(edges), "factory", "dc");
    expect(result).toEqual({
      paths: [
        ["factory", "CNYTN", "USLAX", "dc"],
        ["factory", "CNYTN", "USLGB", "dc"],
        ["factory", "CNYTN", "USLGB", "USLAX", "dc"],
      ],
      truncated: false,
    });
  });

  it("answers nothing for unknown, equal or unconnected ends", () => {
    const g = buildAdjacency(edges);
    expect(allPaths(g, "nowhere", "dc").paths).toEqual([]);
    expect(allPaths(g, "dc", "dc").paths).toEqual([]);
    expect(allPaths(buildAdjacency([...edges, { from: "island", to: "x" }]), "island", "dc").paths).toEqual([]);
  });

  it("stops at maxPaths and says so only when more exist", () => {
    const g = buildAdjacency(edges);
    expect(allPaths(g, "factory", "dc", { maxPaths: 2 })).toMatchObject({ truncated: true });
    expect(allPaths(g, "factory", "dc", { maxPaths: 2 }).paths).toHaveLength(2);
    expect(allPaths(g, "factory", "dc", { maxPaths: 3 })).toMatchObject({ truncated: false });
    expect(allPaths(g, "factory", "dc", { maxDepth: 3 }).paths).toHaveLength(2);
  });

  it("caps the work on a dense graph", () => {
    // A complete DAG on 40 nodes has 2^38 paths from first to last.
    const dense: Edge[] = [];
    for (let i = 0; i < 40; i++) for (let j = i + 1; j < 40; j++) dense.push({ from: `n${i}`, to: `n${j}` });
    const started = performance.now();
    const result = allPaths(buildAdjacency(dense), "n0", "n39", { maxPaths: 1000 });
    expect(result.paths).toHaveLength(1000);
    expect(result.truncated).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("agrees with a brute-force enumeration on random graphs", () => {
    const node = fc.integer({ min: 0, max: 7 }).map((n) => `n${n}`);
    fc.assert(
      fc.property(fc.array(fc.record({ from: node, to: node }), { maxLength: 18 }), node, node, (es, from, to) => {
        const got = allPaths(buildAdjacency(es), from, to, { maxPaths: 100_000 });
        expect(got.truncated).toBe(false);
        expect(sortPaths(got.paths)).toEqual(sortPaths(bruteForcePaths(es, from, to)));
      }),
      { numRuns: 300 },
    );
  });
});

/** A random tier graph: `perTier` nodes in each tier, edges only between neighbouring tiers. */
function randomTierGraph(seed: number, tiers: number, perTier: number, edgeCount: number) {
  let state = seed;
  const rand = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const nodes: TierNode[] = [];
  for (let t = 0; t < tiers; t++) for (let i = 0; i < perTier; i++) nodes.push({ id: `t${t}-${i}`, tier: t });
  const edges: Edge[] = [];
  for (let k = 0; k < edgeCount; k++) {
    const t = Math.floor(rand() * (tiers - 1));
    edges.push({ from: `t${t + 1}-${Math.floor(rand() * perTier)}`, to: `t${t}-${Math.floor(rand() * perTier)}` });
  }
  return { nodes, edges };
}

describe("layoutTiers", () => {
  it("puts each tier in its own column and every node of a column on its own row", () => {
    const { nodes, edges } = randomTierGraph(7, 4, 25, 120);
    const layout = layoutTiers(nodes, edges, { columnGap: 100, rowGap: 10 });
    expect(Object.keys(layout)).toHaveLength(nodes.length);
    for (const n of nodes) expect(layout[n.id]?.x).toBe(n.tier * 100);
    for (let t = 0; t < 4; t++) {
      const ys = nodes.filter((n) => n.tier === t).map((n) => layout[n.id]?.y as number);
      expect(new Set(ys).size).toBe(25);
      // Centred on 0, one row gap apart.
      expect(Math.min(...ys)).toBe(-120);
      expect(Math.max(...ys)).toBe(120);
    }
  });

  it("untangles a crossed bipartite matching completely", () => {
    const nodes: TierNode[] = [];
    const edges: Edge[] = [];
    for (let i = 0; i < 10; i++) {
      nodes.push({ id: `a${i}`, tier: 0 }, { id: `b${i}`, tier: 1 });
      edges.push({ from: `a${i}`, to: `b${(i * 7) % 10}` });
    }
    const inputOrder = layoutTiers(nodes, edges, { sweeps: 0 });
    expect(countCrossings(nodes, edges, inputOrder)).toBeGreaterThan(0);
    expect(countCrossings(nodes, edges, layoutTiers(nodes, edges))).toBe(0);
  });

  it("never ends with more crossings than the input order, and usually far fewer", () => {
    let before = 0;
    let after = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { nodes, edges } = randomTierGraph(seed, 4, 30, 90);
      const b = countCrossings(nodes, edges, layoutTiers(nodes, edges, { sweeps: 0 }));
      const a = countCrossings(nodes, edges, layoutTiers(nodes, edges));
      expect(a).toBeLessThanOrEqual(b);
      before += b;
      after += a;
    }
    expect(after).toBeLessThan(before * 0.6);
  });

  it("counts crossings like a pairwise check", () => {
    const { nodes, edges } = randomTierGraph(3, 3, 12, 40);
    const layout = layoutTiers(nodes, edges, { sweeps: 1 });
    const tier = new Map(nodes.map((n) => [n.id, n.tier]));
    const norm = edges
      .filter((e) => tier.get(e.from) !== tier.get(e.to))
      .map((e) => ((tier.get(e.from) as number) < (tier.get(e.to) as number) ? e : { from: e.to, to: e.from }));
    let pairwise = 0;
    for (let i = 0; i < norm.length; i++) {
      for (let j = i + 1; j < norm.length; j++) {
        const e = norm[i] as Edge;
        const f = norm[j] as Edge;
        if (tier.get(e.from) !== tier.get(f.from) || tier.get(e.to) !== tier.get(f.to)) continue;
        const dy1 = (layout[e.from]?.y as number) - (layout[f.from]?.y as number);
        const dy2 = (layout[e.to]?.y as number) - (layout[f.to]?.y as number);
        if (dy1 * dy2 < 0) pairwise++;
      }
    }
    expect(countCrossings(nodes, edges, layout)).toBe(pairwise);
  });

  it("ignores unknown ends, same-tier edges and duplicate ids", () => {
    const layout = layoutTiers(
      [
        { id: "a", tier: 0 },
        { id: "b", tier: 1 },
        { id: "a", tier: 5 },
      ],
      [
        { from: "a", to: "ghost" },
        { from: "b", to: "b" },
      ],
    );
    expect(layout).toEqual({ a: { x: 0, y: 0 }, b: { x: 240, y: 0 } });
  });

  it("lays out 10,000 nodes and 15,000 edges well under a second", () => {
    const { nodes, edges } = randomTierGraph(42, 5, 2000, 15_000);
    const started = performance.now();
    const layout = layoutTiers(nodes, edges);
    const ms = performance.now() - started;
    expect(Object.keys(layout)).toHaveLength(10_000);
    expect(ms).toBeLessThan(1000);
  });
});
