import { ActionIcon, Anchor, Box, Button, Group, Indicator, Popover, ScrollArea, SegmentedControl, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryError } from "../../components/QueryError";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { type AppNotification, useAllNotifications, useMarkAllRead, useMarkRead, useUnreadNotifications } from "./api";
import { notificationColor, notificationLink, notificationMessage } from "./message";

/** A bell (decorative; the button carries the label). */
function IconBell() {
  return (
    <svg
      width={20}
      height={20}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0" />
    </svg>
  );
}

function Item({ n, onOpen }: { n: AppNotification; onOpen: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const markRead = useMarkRead();
  const unread = n.readAt === null;
  const message = notificationMessage(n, t, lang);
  return (
    <Group
      component="li"
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      p="xs"
      data-testid="notification-item"
      data-kind={n.kind}
      data-unread={unread ? "true" : "false"}
      style={{ borderRadius: "var(--mantine-radius-sm)", background: unread ? "var(--mantine-color-blue-light)" : undefined }}
    >
      <Box
        mt={6}
        w={8}
        h={8}
        style={{ borderRadius: 4, flexShrink: 0, background: `var(--mantine-color-${notificationColor(n)}-6)` }}
        aria-hidden="true"
      />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Anchor
          component={Link}
          to={notificationLink(n)}
          size="sm"
          c="var(--mantine-color-text)"
          fw={unread ? 600 : 400}
          onClick={() => {
            if (unread) markRead.mutate(n.id);
            onOpen();
          }}
        >
          {message}
        </Anchor>
        <Text size="xs" c="dimmed">
          {formatDateTime(n.createdAt, lang)}
        </Text>
      </Stack>
      {unread && (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => markRead.mutate(n.id)}
          loading={markRead.isPending}
          aria-label={t("notifications.markReadOne", { message })}
          data-testid="notification-mark-read"
        >
          {t("notifications.markRead")}
        </Button>
      )}
    </Group>
  );
}

/** The header bell: unread count (refreshed every minute) and a list of reminders linking to their subject. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  // Partners are outside the company and get no reminders (the API refuses them).
  const allowed = !!role && role !== "partner";
  const [opened, { toggle, close }] = useDisclosure(false);
  const [view, setView] = useState<"unread" | "all">("unread");
  const unread = useUnreadNotifications(allowed);
  const all = useAllNotifications(allowed && opened && view === "all");
  const markAll = useMarkAllRead();
  if (!allowed) return null;

  const count = unread.data?.unread ?? 0;
  const list = view === "unread" ? unread : all;
  const items = list.data?.items ?? [];
  const label = count > 0 ? t("notifications.bellUnread", { count }) : t("notifications.bell");

  return (
    <Popover
      opened={opened}
      onChange={(o) => !o && close()}
      position="bottom-end"
      width={380}
      shadow="md"
      trapFocus
      returnFocus
      withinPortal
    >
      <Popover.Target>
        <Indicator label={count > 99 ? "99+" : count} size={16} color="red" disabled={count === 0} offset={4} inline>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={label}
            aria-expanded={opened}
            data-testid="notifications-bell"
            data-unread={count}
          >
            <IconBell />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)" data-testid="notifications-panel">
        <Group justify="space-between" mb="xs" gap="xs">
          <Text fw={600} size="sm">
            {t("notifications.title")}
          </Text>
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as "unread" | "all")}
            data={[
              { value: "unread", label: t("notifications.unread") },
              { value: "all", label: t("notifications.all") },
            ]}
          />
        </Group>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <Text size="sm" c="dimmed" p="sm">
            {t("common.loading")}
          </Text>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm" data-testid="notifications-empty">
            {view === "unread" ? t("notifications.noneUnread") : t("notifications.none")}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360} type="auto">
            <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: "none" }}>
              {items.map((n) => (
                <Item key={n.id} n={n} onOpen={close} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        {count > 0 && (
          <Group justify="flex-end" mt="xs">
            <Button
              size="xs"
              variant="light"
              onClick={() => markAll.mutate()}
              loading={markAll.isPending}
              data-testid="notifications-read-all"
            >
              {t("notifications.markAllRead")}
            </Button>
          </Group>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
