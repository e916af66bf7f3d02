import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** The MSC criteria library (catalog). */
export const criteriaRoutes: FastifyPluginAsyncZod = async (_app) => {};
