import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** The evidence vault. */
export const evidenceRoutes: FastifyPluginAsyncZod = async (_app) => {};
