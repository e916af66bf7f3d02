import { Anchor, Card, Group, Skeleton, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isForbidden } from "../../components/QueryError";

interface Props {
  label: string;
  /** Undefined while loading. */
  value: ReactNode | undefined;
  error?: unknown;
  to?: string;
  linkLabel?: string;
  testId?: string;
}

/** One number (or status) on the dashboard. */
export function StatCard({ label, value, error, to, linkLabel, testId }: Props) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (error) {
    body = (
      <Text size="sm" c="dimmed">
        {isForbidden(error) ? t("dashboard.noAccess") : t("dashboard.unavailable")}
      </Text>
    );
  } else if (value === undefined) {
    body = <Skeleton h={32} w={80} aria-label={t("common.loading")} />;
  } else {
    body = (
      <Text component="div" fz={28} fw={700} lh={1.2} data-testid={testId}>
        {value}
      </Text>
    );
  }
  return (
    <Card withBorder padding="lg">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Group mt="xs" justify="space-between" align="flex-end">
        {body}
        {to && linkLabel && (
          <Anchor component={Link} to={to} size="sm">
            {linkLabel}
          </Anchor>
        )}
      </Group>
    </Card>
  );
}
