import { Anchor, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { DashboardCard } from "../dashboard/DashboardCard";
import { PartnerStatusBadge } from "./badges";
import { PARTNER_STATUSES, type PartnerStatus } from "./domain";

interface PartnerSummary {
  byStatus: Record<PartnerStatus, number>;
  expired: number;
  rescreenDue: number;
  openMatches: number;
}

const total = (path: string, query: Record<string, string>, signal: AbortSignal) =>
  api.get<Page<unknown>>(path, { ...query, limit: 1, offset: 0 }, signal).then((p) => p.total);

/** The registry's counts, each a one-row page whose `total` is the figure (no summary endpoint exists). */
async function fetchSummary(signal: AbortSignal): Promise<PartnerSummary> {
  const [statusCounts, expired, rescreenDue, openMatches] = await Promise.all([
    Promise.all(PARTNER_STATUSES.map((status) => total("/partners", { status }, signal))),
    total("/partners", { certified: "expired" }, signal),
    total("/partners", { rescreenDue: "true" }, signal),
    total("/screening/matches", { status: "open" }, signal),
  ]);
  const byStatus = Object.fromEntries(PARTNER_STATUSES.map((s, i) => [s, statusCounts[i] ?? 0])) as Record<PartnerStatus, number>;
  return { byStatus, expired, rescreenDue, openMatches };
}

function Alarm({ label, value, to, testId }: { label: string; value: number; to: string; testId: string }) {
  return (
    <Anchor component={Link} to={to} underline="never" c="inherit">
      <Stack gap={0}>
        <Text fz={24} fw={700} lh={1.1} c={value > 0 ? "red.7" : "green.8"} data-testid={testId}>
          {value}
        </Text>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Anchor>
  );
}

/** Dashboard card: partners by status, expired certifications, screenings due and open denied-party matches. */
export function PartnersCard() {
  const { t } = useTranslation();
  const summary = useQuery({ queryKey: ["dashboard", "partners"], queryFn: ({ signal }) => fetchSummary(signal), staleTime: 60_000 });
  return (
    <DashboardCard
      title={t("partners.card.title")}
      testId="dashboard-partners"
      link={{ to: "/partners", label: t("partners.card.open"), testId: "dashboard-partners-link" }}
      query={summary}
    >
      {(s) =>
        PARTNER_STATUSES.every((k) => s.byStatus[k] === 0) ? (
          <Text size="sm" c="dimmed" data-testid="dashboard-partners-empty">
            {t("partners.card.empty")}{" "}
            <Anchor component={Link} to="/partners" size="sm">
              {t("partners.card.start")}
            </Anchor>
          </Text>
        ) : (
          <Stack gap="md">
            <Group gap="xs" data-testid="dashboard-partners-status">
              {PARTNER_STATUSES.filter((k) => s.byStatus[k] > 0).map((k) => (
                <Anchor key={k} component={Link} to={`/partners?status=${k}`} underline="never">
                  <PartnerStatusBadge status={k} size="lg" data-count={s.byStatus[k]}>
                    {t(`partners.status.${k}`)}: {s.byStatus[k]}
                  </PartnerStatusBadge>
                </Anchor>
              ))}
            </Group>
            <SimpleGrid cols={3}>
              <Alarm
                label={t("partners.card.expired", { count: s.expired })}
                value={s.expired}
                to="/partners?certified=expired"
                testId="dashboard-partners-expired"
              />
              <Alarm
                label={t("partners.card.rescreenDue", { count: s.rescreenDue })}
                value={s.rescreenDue}
                to="/partners?rescreenDue=1"
                testId="dashboard-partners-rescreen"
              />
              <Alarm
                label={t("partners.card.openMatches", { count: s.openMatches })}
                value={s.openMatches}
                to="/screening"
                testId="dashboard-partners-matches"
              />
            </SimpleGrid>
          </Stack>
        )
      }
    </DashboardCard>
  );
}
