import { Anchor, Group, Paper, Progress, SimpleGrid, Stack, Switch, Table, Text, Title, Tooltip } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { LevelBadge } from "../criteria/badges";
import { PROFILE_STATUSES, type ProfileStatus } from "../profile/api";
import { STATUS_CHART_COLOR, StatusBadge, StatusLegend } from "../profile/status";
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

interface CoverageRow {
  key: string;
  label: ReactNode;
  /** The status drawn from the other side; null when nothing maps to the row. */
  derived: ProfileStatus | null;
  own: ProfileStatus;
}

/** One direction of the coverage: each row with its drawn ("draft") status beside its own. */
function CoverageTable(props: {
  title: string;
  action?: ReactNode;
  firstColumn: string;
  ownColumn: string;
  /** Shown instead of a drawn status when nothing maps to the row. */
  unmapped: string;
  rows: CoverageRow[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {props.title}
        </Title>
        {props.action}
      </Group>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={6} fz="sm" data-testid={props.testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{props.firstColumn}</Table.Th>
              <Table.Th>{t("frameworks.cols.draft")}</Table.Th>
              <Table.Th>{props.ownColumn}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>
                  {r.derived === null ? (
                    <Text size="xs" c="dimmed">
                      {props.unmapped}
                    </Text>
                  ) : (
                    <StatusBadge status={r.derived} size="sm" />
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={r.own} size="sm" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
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
        <CoverageTable
          title={t("frameworks.coverage.controlsTitle")}
          firstColumn={t("frameworks.cols.ref")}
          ownColumn={t("frameworks.cols.ownStatus")}
          unmapped={t("frameworks.noMappings")}
          testId="coverage-controls"
          rows={controls.map((c) => ({
            key: c.ref,
            label: (
              <>
                <Text size="sm" ff="monospace">
                  {c.ref}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {c.title}
                </Text>
              </>
            ),
            derived: c.mappings.length === 0 ? null : c.derivedStatus,
            own: c.status,
          }))}
        />
        <CoverageTable
          title={t("frameworks.coverage.criteriaTitle")}
          action={
            <Switch
              size="sm"
              label={t("frameworks.coverage.showUncovered")}
              checked={showUncovered}
              onChange={(e) => setShowUncovered(e.currentTarget.checked)}
              data-testid="coverage-show-uncovered"
            />
          }
          firstColumn={t("frameworks.cols.criterion")}
          ownColumn={t("frameworks.cols.profileStatus")}
          unmapped={t("frameworks.coverage.noControls")}
          testId="coverage-criteria"
          rows={criteria.map((c) => ({
            key: c.criterionId,
            label: (
              <Group gap={6} wrap="nowrap">
                <Anchor component={Link} to={`/profile/${encodeURIComponent(c.criterionId)}`} ff="monospace" size="sm">
                  {c.criterionId}
                </Anchor>
                <LevelBadge level={c.level} size="xs" />
              </Group>
            ),
            derived: c.controls.length === 0 ? null : c.derivedStatus,
            own: c.profileStatus,
          }))}
        />
      </SimpleGrid>
    </Stack>
  );
}
