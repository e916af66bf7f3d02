import { CountryCodeSchema, NodeKeySchema } from "@portcullis/domain";
import { z } from "zod";
import { PageQuery } from "../../http/schemas.ts";
import { NodeInfoSchema } from "./lanes.schema.ts";

const RiskSchema = z.enum(["low", "medium", "high"]).nullable();
const CertifiedSchema = z.enum(["ctpat", "mra", "expired", "none"]);

/** GET /api/supply-chain/map: every live node with a place on the map, and every leg of every live lane. */
export const SupplyChainMapSchema = z.object({
  nodes: z.array(NodeInfoSchema),
  legs: z.array(
    z.object({
      laneId: z.string(),
      laneName: z.string(),
      seq: z.number(),
      from: z.string(),
      to: z.string(),
      mode: z.string(),
      carrierPartnerId: z.string().nullable(),
      /** The highest risk level among the partners on the leg (site owners and carrier); null when none. */
      risk: RiskSchema,
    }),
  ),
});

/** GET /api/supply-chain/graph: the company (tier 0), its partners by tier, supply edges and a layout. */
export const SupplyChainGraphSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["company", "partner"]),
      label: z.string(),
      tier: z.number(),
      partnerType: z.string().nullable(),
      countryCode: z.string().nullable(),
      status: z.string().nullable(),
      risk: z.string().nullable(),
      certified: CertifiedSchema.nullable(),
    }),
  ),
  /** Goods flow from `from` to `to`: a supplier to its customer, a tier-1 partner to the company. */
  edges: z.array(z.object({ from: z.string(), to: z.string() })),
  layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() })),
});

/** Query of GET /api/supply-chain/paths. */
export const PathsQuery = z.strictObject({ from: NodeKeySchema, to: NodeKeySchema });

export const PathsSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Node keys from `from` to `to`, shortest first. */
  paths: z.array(z.array(z.string())),
  total: z.number(),
  /** True when the 1,000-path cap (or the search budget) stopped the search. */
  truncated: z.boolean(),
  /** Every hop used by a path: how many live lanes run it, by which modes, and up to 10 of them (a sample, listed by name). */
  hops: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      laneCount: z.number(),
      modes: z.array(z.string()),
      lanes: z.array(
        z.object({ id: z.string(), name: z.string(), seq: z.number(), mode: z.string(), carrierPartnerId: z.string().nullable() }),
      ),
    }),
  ),
  nodes: z.array(NodeInfoSchema),
});

/** Query of GET /api/supply-chain/impact: exactly one of partnerId and countryCode. */
export const ImpactQuery = z
  .strictObject({ partnerId: z.string().max(100).optional(), countryCode: CountryCodeSchema.optional(), ...PageQuery })
  .refine((q) => (q.partnerId === undefined) !== (q.countryCode === undefined), "give exactly one of partnerId and countryCode");
export type ImpactQueryInput = z.infer<typeof ImpactQuery>;

export const ImpactSchema = z.object({
  target: z.object({ partnerId: z.string().nullable(), countryCode: z.string().nullable() }),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      origin: z.string().nullable(),
      destination: z.string().nullable(),
      hits: z.array(
        z.object({
          seq: z.number(),
          from: z.string(),
          to: z.string(),
          mode: z.string(),
          carrierPartnerId: z.string().nullable(),
          reasons: z.array(z.enum(["from", "to", "carrier", "at-rest"])),
        }),
      ),
      /** Nodes that stop receiving goods on this lane once the first touched point is disrupted. */
      downstream: z.array(z.string()),
    }),
  ),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  /** The nodes of the listed lanes, resolved. */
  nodes: z.array(NodeInfoSchema),
});

/** Query of GET /api/supply-chain/uncertified. */
export const UncertifiedQuery = z.strictObject({ laneId: z.string().max(100).optional(), ...PageQuery });
export type UncertifiedQueryInput = z.infer<typeof UncertifiedQuery>;

export const UncertifiedSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      countryCode: z.string(),
      status: z.string(),
      risk: z.string(),
      /** "expired" when the partner had a CTPAT/MRA certification that is no longer active; else "none". */
      certified: z.enum(["expired", "none"]),
      /** How the partner is on the lanes: its site at a leg end, its site as an at-rest point, or as carrier. */
      roles: z.array(z.enum(["site", "at-rest", "carrier"])),
      laneCount: z.number(),
      /** Up to 20 of those lanes. */
      lanes: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});
