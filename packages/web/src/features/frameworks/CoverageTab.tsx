import { Anchor, Group, Paper, Progress, SimpleGrid, Stack, Switch, Table, Text, Title, Tooltip } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryError } from "../../components/QueryError";
import { LevelBadge } from "../criteria/badges";
import { PROFILE_STATUSES } from "../profile/api";
import { STATUS_CHART_COLOR, StatusBadge, StatusLegend } from "../profile/status";
import { PageLoader } from "../shell/AppLayout";
import { type CoverageCounts, useCoverage } from "./api";

/** One bar split by draft status, with the counts spelled out for screen readers. */
function SummaryBar({ title, counts, extra, testId }: { title: string; counts: CoverageCounts; extra: string; testId: string }) {
  const { t } = useTranslation();
  const parts = PROFILE_STATUSES.filter((s) => counts[s] > 0);
  const text = parts.map((s) => `${counts[s]} ${t(`status.${s}`).toLowerCase()}`).join(", ");
  return (
    <Stack gap={4} data-testid={testId}>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text size="xs" c="dimmed">
          {t("frameworks.coverage.total", { count: counts.total })}
        </Text>
      </Group>
      <Progress.Root size={18} aria-label={`${title}: ${text}`}>
        {parts.map((s) => (
          <Tooltip key={s} label={`${t(`status.${s}`)}: ${counts[s]}`}>
            <Progress.Section value={counts.total ? (counts[s] / counts.total) * 100 : 0} color={STATUS_CHART_COLOR[s]} />
          </Tooltip>
        ))}
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {text || "—"}
        {extra ? ` · ${extra}` : ""}
      </Text>
    </Stack>
  );
}

/** Draft status both ways: each control from its MSC items, each MSC criterion from its controls. */
export function CoverageTab({ frameworkId }: { frameworkId: string }) {
  const { t } = useTranslation();
  const coverage = useCoverage(frameworkId, true);
  const [showUncovered, setShowUncovered] = useState(false);
  if (coverage.isPending) return <PageLoader />;
  if (coverage.isError) return <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />;
  const { controls, summary } = coverage.data;
  // Most of the profile is usually outside a framework's scope; list those rows only on request.
  const criteria = showUncovered ? coverage.data.criteria : coverage.data.criteria.filter((c) => c.controls.length > 0);
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <SummaryBar
            title={t("frameworks.coverage.controlsBar")}
            counts={summary.controls}
            extra={summary.controls.unmapped ? t("frameworks.coverage.unmapped", { count: summary.controls.unmapped }) : ""}
            testId="coverage-controls-bar"
          />
          <SummaryBar
            title={t("frameworks.coverage.criteriaBar")}
            counts={summary.criteria}
            extra={summary.criteria.uncovered ? t("frameworks.coverage.uncovered", { count: summary.criteria.uncovered }) : ""}
            testId="coverage-criteria-bar"
          />
        </SimpleGrid>
        <Stack mt="sm" gap={4}>
          <StatusLegend />
          <Text size="xs" c="dimmed">
            {t("frameworks.coverage.help")}
          </Text>
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t("frameworks.coverage.controlsTitle")}
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={6} fz="sm" data-testid="coverage-controls">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("frameworks.cols.ref")}</Table.Th>
                  <Table.Th>{t("frameworks.cols.draft")}</Table.Th>
                  <Table.Th>{t("frameworks.cols.ownStatus")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {controls.map((c) => (
                  <Table.Tr key={c.ref}>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {c.ref}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {c.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {c.mappings.length === 0 ? (
                        <Text size="xs" c="dimmed">
                          {t("frameworks.noMappings")}
                        </Text>
                      ) : (
                        <StatusBadge status={c.derivedStatus} size="sm" />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={c.status} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h5">
              {t("frameworks.coverage.criteriaTitle")}
            </Title>
            <Switch
              size="sm"
              label={t("frameworks.coverage.showUncovered")}
              checked={showUncovered}
              onChange={(e) => setShowUncovered(e.currentTarget.checked)}
              data-testid="coverage-show-uncovered"
            />
          </Group>
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={6} fz="sm" data-testid="coverage-criteria">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("frameworks.cols.criterion")}</Table.Th>
                  <Table.Th>{t("frameworks.cols.draft")}</Table.Th>
                  <Table.Th>{t("frameworks.cols.profileStatus")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {criteria.map((c) => (
                  <Table.Tr key={c.criterionId}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Anchor component={Link} to={`/profile/${encodeURIComponent(c.criterionId)}`} ff="monospace" size="sm">
                          {c.criterionId}
                        </Anchor>
                        <LevelBadge level={c.level} size="xs" />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {c.controls.length === 0 ? (
                        <Text size="xs" c="dimmed">
                          {t("frameworks.coverage.noControls")}
                        </Text>
                      ) : (
                        <StatusBadge status={c.derivedStatus} size="sm" />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={c.profileStatus} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
