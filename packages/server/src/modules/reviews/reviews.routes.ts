import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** The annual Security Profile review. */
export const reviewsRoutes: FastifyPluginAsyncZod = async (_app) => {};
