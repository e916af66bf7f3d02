import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** Partner security questionnaires, invitations and partner sessions. */
export const questionnairesRoutes: FastifyPluginAsyncZod = async (_app) => {};
