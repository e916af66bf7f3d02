import { LEG_MODES, LocationKindSchema, NodeKeySchema } from "@portcullis/domain";
import { z } from "zod";
import { isUuid, longText, PageQuery, QueryBool, text } from "../../http/schemas.ts";

// ─── Locations ──────────────────────────────────────────────────────────────────────────────────────────

/** Query of GET /api/locations. All 202 rows fit in one page of the maximum size. */
export const ListLocationsQuery = z.strictObject({
  q: text(100, 0).optional(),
  kind: LocationKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000).default(0),
});
export type ListLocationsQueryInput = z.infer<typeof ListLocationsQuery>;

/** A packaged location as the API returns it; `source` lists its sources separated by " | ". */
export const LocationSchema = z.object({
  code: z.string(),
  name: z.string(),
  countryCode: z.string(),
  kind: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  cbpPortCode: z.string().nullable(),
  source: z.string(),
  notes: z.string().nullable(),
});
export const LocationListSchema = z.object({ items: z.array(LocationSchema), total: z.number(), limit: z.number(), offset: z.number() });

// ─── Lanes: input ───────────────────────────────────────────────────────────────────────────────────────

const PartnerId = z.string().max(100).refine(isUuid, "must be a partner id");

const AtRestBody = z.strictObject({ node: NodeKeySchema, description: longText(500).nullish() });

const LegBody = z.strictObject({
  from: NodeKeySchema,
  to: NodeKeySchema,
  mode: z.enum(LEG_MODES),
  carrierPartnerId: PartnerId.nullish(),
  atRest: z.array(AtRestBody).max(20).optional(),
});
export type LegInput = z.infer<typeof LegBody>;

/** Body of POST /api/lanes. An empty `legs` list passes here and is refused by the lane rules (422 no_legs). */
export const CreateLaneBody = z.strictObject({
  name: text(200),
  externalKey: text(100).nullish(),
  description: longText(2000).nullish(),
  legs: z.array(LegBody).max(50),
});
export type CreateLaneInput = z.infer<typeof CreateLaneBody>;

/** Body of PATCH /api/lanes/{id}: any subset; `legs`, when given, replaces every leg. */
export const UpdateLaneBody = CreateLaneBody.partial();
export type UpdateLaneInput = z.infer<typeof UpdateLaneBody>;

/** Query of GET /api/lanes. */
export const ListLanesQuery = z.strictObject({
  q: text(200, 0).optional(),
  partnerId: z.string().max(100).optional(),
  countryCode: text(2, 0).optional(),
  node: NodeKeySchema.optional(),
  includeArchived: QueryBool.optional(),
  ...PageQuery,
});
export type ListLanesQueryInput = z.infer<typeof ListLanesQuery>;

// ─── Lanes: output ──────────────────────────────────────────────────────────────────────────────────────

/** What a node key stands for, resolved for display. `missing` when it no longer exists (or is unknown). */
export const NodeInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(["site", "partner-site", "port"]),
  label: z.string(),
  countryCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** The owning partner of a partner site. */
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  /** Partner status and risk level of a partner site; null for own sites and ports. */
  status: z.string().nullable(),
  risk: z.string().nullable(),
  /** Location kind of a port node (seaport, airport, border-crossing, inland). */
  locationKind: z.string().nullable(),
  archived: z.boolean(),
  missing: z.boolean(),
});
export type NodeInfo = z.infer<typeof NodeInfoSchema>;

export const LaneLegSchema = z.object({
  seq: z.number(),
  from: z.string(),
  to: z.string(),
  mode: z.string(),
  carrierPartnerId: z.string().nullable(),
  carrier: z.object({ id: z.string(), name: z.string() }).nullable(),
  atRest: z.array(z.object({ node: z.string(), description: z.string().nullable() })),
});
export type LaneLeg = z.infer<typeof LaneLegSchema>;

/** A lane as the API returns it, with every node it mentions resolved in `nodes`. */
export const LaneSchema = z.object({
  id: z.string(),
  externalKey: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  origin: z.string().nullable(),
  destination: z.string().nullable(),
  modes: z.array(z.string()),
  legs: z.array(LaneLegSchema),
  nodes: z.array(NodeInfoSchema),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lane = z.infer<typeof LaneSchema>;

export const LaneListSchema = z.object({ items: z.array(LaneSchema), total: z.number(), limit: z.number(), offset: z.number() });
