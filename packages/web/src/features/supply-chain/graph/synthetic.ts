import type { SupplyChainGraph } from "../api";

/**
 * A made-up tier graph of `size` nodes laid out like the server's (columns per tier), for checking that
 * the canvas stays smooth at scale. Only the development build offers it (`?view=graph&demo=5000`).
 * Deterministic: the same size always gives the same graph.
 */
export function syntheticGraph(size: number): SupplyChainGraph {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const shares = [0, 0.04, 0.16, 0.32, 0.48];
  const nodes: SupplyChainGraph["nodes"] = [
    {
      id: "company",
      kind: "company",
      label: "Our company",
      tier: 0,
      partnerType: null,
      countryCode: null,
      status: null,
      risk: null,
      certified: null,
    },
  ];
  const layout: SupplyChainGraph["layout"] = { company: { x: 0, y: 0 } };
  const edges: SupplyChainGraph["edges"] = [];
  const tiers: string[][] = [["company"]];
  for (let tier = 1; tier < shares.length; tier++) {
    const count = Math.max(1, Math.round((size - 1) * shares[tier]!));
    const ids: string[] = [];
    for (let j = 0; j < count; j++) {
      const id = `t${tier}-${j}`;
      ids.push(id);
      nodes.push({
        id,
        kind: "partner",
        label: `Supplier ${tier}-${j + 1}`,
        partnerType: "manufacturer",
        countryCode: pick(["MX", "CN", "US", "VN", "DE"]),
        tier,
        status: pick(["approved", "approved", "approved", "screening", "prospect", "suspended", "terminated"]),
        risk: pick(["low", "low", "medium", "high"]),
        certified: pick(["ctpat", "mra", "none", "none", "expired"] as const),
      });
      layout[id] = { x: tier * 320, y: (j - count / 2) * 24 };
      const parents = tiers[tier - 1]!;
      const links = 1 + Math.floor(rand() * 2);
      for (let l = 0; l < links; l++) edges.push({ from: id, to: pick(parents) });
    }
    tiers.push(ids);
  }
  return { nodes, edges, layout };
}
