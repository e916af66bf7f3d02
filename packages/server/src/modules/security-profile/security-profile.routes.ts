import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** The company's self-assessment against the MSC. */
export const securityProfileRoutes: FastifyPluginAsyncZod = async (_app) => {};
