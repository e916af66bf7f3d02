import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

/** The reminder kinds the daily job records (packages/server/src/modules/notifications). */
export const NOTIFICATION_KINDS = [
  "evidence.expiring",
  "evidence.expired",
  "procedure.review-due",
  "procedure.review-overdue",
  "review.window-open",
  "profile.review-overdue",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface AppNotification {
  id: string;
  kind: NotificationKind | (string & {});
  subjectType: string;
  subjectId: string;
  /** What the message needs: title, code, dates, criterion ID. */
  params: Record<string, unknown>;
  dueOn: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: AppNotification[];
  /** Unread notifications in all (not only those returned). */
  unread: number;
}

export const notificationKeys = {
  list: (unreadOnly: boolean) => ["notifications", unreadOnly ? "unread" : "all"] as const,
};

const REFRESH_MS = 60_000;

/** Unread notifications, refreshed every minute while the app is open. */
export function useUnreadNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list(true),
    queryFn: ({ signal }) => api.get<NotificationList>("/notifications", { unread: "true", limit: 50 }, signal),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: REFRESH_MS / 2,
    enabled,
  });
}

/** The latest notifications, read or not (fetched while the list is shown). */
export function useAllNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list(false),
    queryFn: ({ signal }) => api.get<NotificationList>("/notifications", { limit: 50 }, signal),
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<AppNotification>(`/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["notifications"] }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number; unread: number }>("/notifications/read-all"),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
