import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** The business partner registry. */
export const partnersRoutes: FastifyPluginAsyncZod = async (_app) => {};
