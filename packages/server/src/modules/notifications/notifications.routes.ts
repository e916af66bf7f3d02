import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { READ_ACCESS } from "../../http/access.ts";
import { tenantCtx } from "../../http/context.ts";
import { IdParams } from "../../http/schemas.ts";
import { ListNotificationsQuery, NotificationListSchema, NotificationSchema, ReadAllSchema } from "./notifications.schema.ts";
import { listNotifications, markAllRead, markRead } from "./notifications.service.ts";

const tags = ["notifications"];

/** In-app reminders recorded by the daily job (`reminders.daily`). */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/notifications", {
    schema: { tags, summary: "List notifications", querystring: ListNotificationsQuery, response: { 200: NotificationListSchema } },
    config: READ_ACCESS,
    handler: (req) => listNotifications({ ctx: tenantCtx(req), query: req.query }),
  });
  app.post("/notifications/read-all", {
    schema: { tags, summary: "Mark every notification read", response: { 200: ReadAllSchema } },
    config: READ_ACCESS,
    handler: (req) => markAllRead({ ctx: tenantCtx(req) }),
  });
  app.post("/notifications/:id/read", {
    schema: { tags, summary: "Mark a notification read", params: IdParams, response: { 200: NotificationSchema } },
    config: READ_ACCESS,
    handler: (req) => markRead({ ctx: tenantCtx(req), id: req.params.id }),
  });
};
