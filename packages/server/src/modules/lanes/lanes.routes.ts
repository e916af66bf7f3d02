import { EDITOR_ROLES, INTERNAL_ROLES } from "@portcullis/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import {
  CreateLaneBody,
  LaneListSchema,
  LaneSchema,
  ListLanesQuery,
  ListLocationsQuery,
  LocationListSchema,
  UpdateLaneBody,
} from "./lanes.schema.ts";
import { changeLane, createLane, getLane, listLanes, listLocations } from "./lanes.service.ts";
import {
  ImpactQuery,
  ImpactSchema,
  PathsQuery,
  PathsSchema,
  SupplyChainGraphSchema,
  SupplyChainMapSchema,
  UncertifiedQuery,
  UncertifiedSchema,
} from "./supply-chain.schema.ts";
import { findPaths, getImpact, getSupplyChainGraph, getSupplyChainMap, listUncertified } from "./supply-chain.service.ts";

const tags = ["supply-chain"];
const read = { access: { roles: INTERNAL_ROLES } };
const write = { access: { roles: EDITOR_ROLES } };

/** Lanes (ordered legs between sites, partner sites and packaged locations) and supply-chain queries. */
export const lanesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/locations", {
    schema: { tags, summary: "Search packaged locations", querystring: ListLocationsQuery, response: { 200: LocationListSchema } },
    config: read,
    handler: async (req) => listLocations({ query: req.query }),
  });
  app.get("/lanes", {
    schema: { tags, summary: "List lanes", querystring: ListLanesQuery, response: { 200: LaneListSchema } },
    config: read,
    handler: (req) => listLanes({ ctx: tenantCtx(req), query: req.query }),
  });
  app.post("/lanes", {
    schema: { tags, summary: "Create a lane", body: CreateLaneBody, response: { 201: LaneSchema } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createLane({ ctx: tenantCtx(req), input: req.body })),
  });
  app.get("/lanes/:id", {
    schema: { tags, summary: "Read a lane", params: IdParams, response: { 200: LaneSchema } },
    config: read,
    handler: (req) => getLane({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.patch("/lanes/:id", {
    schema: { tags, summary: "Update a lane (legs replace)", params: IdParams, body: UpdateLaneBody, response: { 200: LaneSchema } },
    config: write,
    handler: (req) => changeLane({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "update", input: req.body } }),
  });
  app.post("/lanes/:id/archive", {
    schema: { tags, summary: "Archive a lane", params: IdParams, response: { 200: LaneSchema } },
    config: write,
    handler: (req) => changeLane({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "archive" } }),
  });
  app.get("/supply-chain/map", {
    schema: { tags, summary: "Nodes and legs for the world map", response: { 200: SupplyChainMapSchema } },
    config: read,
    handler: (req) => getSupplyChainMap({ ctx: tenantCtx(req) }),
  });
  app.get("/supply-chain/graph", {
    schema: { tags, summary: "Partner tiers with a layered layout", response: { 200: SupplyChainGraphSchema } },
    config: read,
    handler: (req) => getSupplyChainGraph({ ctx: tenantCtx(req) }),
  });
  app.get("/supply-chain/paths", {
    schema: { tags, summary: "Every simple path between two nodes", querystring: PathsQuery, response: { 200: PathsSchema } },
    config: read,
    handler: (req) => findPaths({ ctx: tenantCtx(req), from: req.query.from, to: req.query.to }),
  });
  app.get("/supply-chain/impact", {
    schema: { tags, summary: "Lanes touching a partner or a country", querystring: ImpactQuery, response: { 200: ImpactSchema } },
    config: read,
    handler: (req) => getImpact({ ctx: tenantCtx(req), query: req.query }),
  });
  app.get("/supply-chain/uncertified", {
    schema: {
      tags,
      summary: "Partners on lanes without CTPAT/MRA certification",
      querystring: UncertifiedQuery,
      response: { 200: UncertifiedSchema },
    },
    config: read,
    handler: (req) => listUncertified({ ctx: tenantCtx(req), query: req.query }),
  });
};
