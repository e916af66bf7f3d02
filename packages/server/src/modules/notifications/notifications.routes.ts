import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** In-app reminders. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (_app) => {};
