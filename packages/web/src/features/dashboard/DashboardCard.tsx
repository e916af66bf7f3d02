import { Anchor, Card, Group, Skeleton, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isForbidden } from "../../components/QueryError";

interface Props<T> {
  title: string;
  testId: string;
  /** The screen the card sums up, linked from its header. */
  link: { to: string; label: string; testId: string };
  /** The card's data; while it loads or when it fails (or is not the user's to see) the card says so instead. */
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}

/** A dashboard card with a title, a link to its screen, and a body drawn from one query. */
export function DashboardCard<T>({ title, testId, link, query, children }: Props<T>) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (query.isError) {
    body = (
      <Text size="sm" c="dimmed">
        {isForbidden(query.error) ? t("dashboard.noAccess") : t("dashboard.unavailable")}
      </Text>
    );
  } else if (query.isPending) {
    body = <Skeleton h={72} aria-label={t("common.loading")} />;
  } else {
    body = children(query.data);
  }
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Anchor component={Link} to={link.to} size="sm" data-testid={link.testId}>
          {link.label}
        </Anchor>
      </Group>
      {body}
    </Card>
  );
}
