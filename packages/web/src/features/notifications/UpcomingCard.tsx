import { Anchor, Badge, Card, Group, List, Skeleton, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isForbidden } from "../../components/QueryError";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useEvidenceList } from "../evidence/api";
import { useProcedures } from "../procedures/api";

const LIMIT = 5;

interface Entry {
  key: string;
  to: string;
  label: string;
  date: string;
  badge: string;
  color: string;
}

/** Dashboard card: evidence that expired or expires soon, and procedures due or overdue for review. */
export function UpcomingCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const base = { archived: false, limit: LIMIT, offset: 0 };
  const expired = useEvidenceList({ ...base, status: "expired" });
  const expiring = useEvidenceList({ ...base, status: "expiring" });
  const procedures = useProcedures({ reviewDue: true, limit: LIMIT, offset: 0 });

  const queries = [expired, expiring, procedures];
  const loading = queries.some((q) => q.isPending);
  const failed = queries.filter((q) => q.isError);

  const entries: Entry[] = [
    ...(expired.data?.items ?? []).map((e) => ({
      key: `e-${e.id}`,
      to: `/evidence/${e.id}`,
      label: e.title,
      date: e.expiresOn ?? "",
      badge: t("evidence.statuses.expired"),
      color: "red",
    })),
    ...(expiring.data?.items ?? []).map((e) => ({
      key: `e-${e.id}`,
      to: `/evidence/${e.id}`,
      label: e.title,
      date: e.expiresOn ?? "",
      badge: t("evidence.statuses.expiring"),
      color: "orange",
    })),
    ...(procedures.data?.items ?? []).map((p) => ({
      key: `p-${p.id}`,
      to: `/procedures/${p.id}`,
      label: `${p.code} · ${p.title}`,
      date: p.nextReviewOn ?? "",
      badge: p.reviewOverdue ? t("notifications.upcoming.reviewOverdue") : t("notifications.upcoming.reviewDue"),
      color: p.reviewOverdue ? "red" : "orange",
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));

  const more = (expired.data?.total ?? 0) + (expiring.data?.total ?? 0) + (procedures.data?.total ?? 0) - entries.length;

  return (
    <Card withBorder padding="lg" data-testid="dashboard-upcoming">
      <Title order={2} size="h4" mb="sm">
        {t("notifications.upcoming.title")}
      </Title>
      {loading ? (
        <Skeleton h={60} aria-label={t("common.loading")} />
      ) : failed.length === queries.length ? (
        <Text size="sm" c="dimmed">
          {failed.some((q) => isForbidden(q.error)) ? t("dashboard.noAccess") : t("dashboard.unavailable")}
        </Text>
      ) : entries.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="dashboard-upcoming-empty">
          {t("notifications.upcoming.none")}
        </Text>
      ) : (
        <List spacing="xs" listStyleType="none" p={0}>
          {entries.map((e) => (
            <List.Item key={e.key} data-testid="dashboard-upcoming-item">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={e.color} variant="light" miw={96}>
                  {e.badge}
                </Badge>
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={e.to} size="sm" fw={500}>
                    {e.label}
                  </Anchor>
                  {e.date && (
                    <Text size="xs" c="dimmed">
                      {formatDate(e.date, lang)}
                    </Text>
                  )}
                </div>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {!loading && (
        <Group gap="md" mt="sm">
          <Anchor component={Link} to="/evidence?status=expiring" size="sm">
            {t("notifications.upcoming.allEvidence")}
          </Anchor>
          <Anchor component={Link} to="/procedures?reviewDue=1" size="sm">
            {t("notifications.upcoming.allProcedures")}
          </Anchor>
          {more > 0 && (
            <Text size="sm" c="dimmed">
              {t("notifications.upcoming.more", { count: more })}
            </Text>
          )}
        </Group>
      )}
    </Card>
  );
}
