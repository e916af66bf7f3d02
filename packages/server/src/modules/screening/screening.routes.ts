import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** Denied-party screening lists and matches. */
export const screeningRoutes: FastifyPluginAsyncZod = async (_app) => {};
