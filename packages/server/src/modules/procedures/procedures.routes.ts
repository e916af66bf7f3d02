import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** Security procedures (SOPs). */
export const proceduresRoutes: FastifyPluginAsyncZod = async (_app) => {};
