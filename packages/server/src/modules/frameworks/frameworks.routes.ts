import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** Custom frameworks mapped to MSC IDs. */
export const frameworksRoutes: FastifyPluginAsyncZod = async (_app) => {};
