import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** Partner, site and lane import and export. */
export const importsRoutes: FastifyPluginAsyncZod = async (_app) => {};
