import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["embedded", "postgres"]),
  version: z.string(),
  uptimeSeconds: z.number(),
});

/** Liveness and readiness in one: answers ok only when the database answers. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/health", {
    schema: { tags: ["system"], summary: "Health", response: { 200: HealthSchema, 503: HealthSchema } },
    config: { access: { public: true } },
    handler: async (_req, reply) => {
      const { db, version } = app.deps;
      let ok = true;
      try {
        await db.pool.query("SELECT 1");
      } catch {
        ok = false;
      }
      const body = {
        status: ok ? ("ok" as const) : ("degraded" as const),
        database: db.kind,
        version,
        uptimeSeconds: Math.round(process.uptime()),
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  });
};
