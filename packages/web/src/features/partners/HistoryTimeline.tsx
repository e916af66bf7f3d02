import { Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { StatusChange } from "./api";

/** Every status move of the partner, newest first, with who made it and why. */
export function HistoryTimeline({ history }: { history: StatusChange[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const items = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Paper withBorder p="md" data-testid="partner-history">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t("partners.history.title")}
        </Title>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("partners.history.none")}
          </Text>
        ) : (
          <Timeline active={0} bulletSize={14} lineWidth={2}>
            {items.map((h) => (
              <Timeline.Item
                key={`${h.at}-${h.to}`}
                title={
                  h.from
                    ? t("partners.history.moved", { from: t(`partners.status.${h.from}`), to: t(`partners.status.${h.to}`) })
                    : t("partners.history.created", { to: t(`partners.status.${h.to}`) })
                }
                data-testid="partner-history-item"
                data-to={h.to}
              >
                {h.reason && (
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {h.reason}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {[formatDateTime(h.at, lang), h.by?.displayName].filter(Boolean).join(" · ")}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}
