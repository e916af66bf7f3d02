import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EDIT_ACCESS, READ_ACCESS } from "../../http/access.ts";
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

/** Lanes (ordered legs between sites, partner sites and packaged locations) and supply-chain queries. */
export const lanesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/locations", {
    schema: { tags, summary: "Search packaged locations", querystring: ListLocationsQuery, response: { 200: LocationListSchema } },
    config: READ_ACCESS,
    handler: async (req) => listLocations({ query: req.query }),
  });
  app.get("/lanes", {
    schema: { tags, summary: "List lanes", querystring: ListLanesQuery, response: { 200: LaneListSchema } },
    config: READ_ACCESS,
    handler: (req) => listLanes({ ctx: tenantCtx(req), query: req.query }),
  });
  app.post("/lanes", {
    schema: { tags, summary: "Create a lane", body: CreateLaneBody, response: { 201: LaneSchema } },
    config: EDIT_ACCESS,
    handler: async (req, reply) => reply.status(201).send(await createLane({ ctx: tenantCtx(req), input: req.body })),
  });
  app.get("/lanes/:id", {
    schema: { tags, summary: "Read a lane", params: IdParams, response: { 200: LaneSchema } },
    config: READ_ACCESS,
    handler: (req) => getLane({ ctx: tenantCtx(req), id: req.params.id }),
  });
  app.patch("/lanes/:id", {
    schema: { tags, summary: "Update a lane (legs replace)", params: IdParams, body: UpdateLaneBody, response: { 200: LaneSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changeLane({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "update", input: req.body } }),
  });
  app.post("/lanes/:id/archive", {
    schema: { tags, summary: "Archive a lane", params: IdParams, response: { 200: LaneSchema } },
    config: EDIT_ACCESS,
    handler: (req) => changeLane({ ctx: tenantCtx(req), id: req.params.id, change: { kind: "archive" } }),
  });
  app.get("/supply-chain/map", {
    schema: { tags, summary: "Nodes and legs for the world map", response: { 200: SupplyChainMapSchema } },
    config: READ_ACCESS,
    handler: (req) => getSupplyChainMap({ ctx: tenantCtx(req) }),
  });
  app.get("/supply-chain/graph", {
    schema: { tags, summary: "Partner tiers with a layered layout", response: { 200: SupplyChainGraphSchema } },
    config: READ_ACCESS,
    handler: (req) => getSupplyChainGraph({ ctx: tenantCtx(req) }),
  });
  app.get("/supply-chain/paths", {
    schema: { tags, summary: "Every simple path between two nodes", querystring: PathsQuery, response: { 200: PathsSchema } },
    config: READ_ACCESS,
    handler: (req) => findPaths({ ctx: tenantCtx(req), from: req.query.from, to: req.query.to }),
  });
  app.get("/supply-chain/impact", {
    schema: { tags, summary: "Lanes touching a partner or a country", querystring: ImpactQuery, response: { 200: ImpactSchema } },
    config: READ_ACCESS,
    handler: (req) => getImpact({ ctx: tenantCtx(req), query: req.query }),
  });
  app.get("/supply-chain/uncertified", {
    schema: {
      tags,
      summary: "Partners on lanes without CTPAT/MRA certification",
      querystring: UncertifiedQuery,
      response: { 200: UncertifiedSchema },
    },
    config: READ_ACCESS,
    handler: (req) => listUncertified({ ctx: tenantCtx(req), query: req.query }),
  });
};
