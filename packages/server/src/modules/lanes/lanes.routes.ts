import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** Lanes and supply-chain queries. */
export const lanesRoutes: FastifyPluginAsyncZod = async (_app) => {};
