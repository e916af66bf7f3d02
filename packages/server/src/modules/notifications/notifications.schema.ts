import { z } from "zod";
import { QueryBool } from "../../http/schemas.ts";

/** The kinds of reminder the daily job records. */
export const NOTIFICATION_KINDS = [
  "evidence.expiring",
  "evidence.expired",
  "procedure.review-due",
  "procedure.review-overdue",
  "review.window-open",
  "profile.review-overdue",
  "certification.expired",
  "certification.reverify-due",
  "partner.rescreen-due",
  "questionnaire.due-soon",
  "questionnaire.overdue",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Query of GET /api/notifications. */
export const ListNotificationsQuery = z.strictObject({
  unread: QueryBool.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type ListNotificationsQueryInput = z.infer<typeof ListNotificationsQuery>;

/** One notification as the API shows it; `params` carries what the UI needs to word it (title, code, dates). */
export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  params: z.record(z.string(), z.unknown()),
  dueOn: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** GET /api/notifications: the newest first, and how many are unread in all. */
export const NotificationListSchema = z.object({ items: z.array(NotificationSchema), unread: z.number() });

/** POST /api/notifications/read-all. */
export const ReadAllSchema = z.object({ marked: z.number(), unread: z.number() });
