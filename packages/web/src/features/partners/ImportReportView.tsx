import { Alert, Badge, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportProblem, ImportReport } from "./imports.api";

function Count({ label, value, testId, color }: { label: string; value: number; testId: string; color?: string }) {
  return (
    <Stack gap={0} align="center">
      <Text fz={24} fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" ta="center">
        {label}
      </Text>
    </Stack>
  );
}

/** Problems by row and column; several can share a row, so the index keeps React keys unique. */
function ProblemTable({ problems, testId }: { problems: ImportProblem[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={420} mah={320}>
      <Table verticalSpacing={4} fz="sm" striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("imports.report.row")}</Table.Th>
            <Table.Th>{t("imports.report.column")}</Table.Th>
            <Table.Th>{t("imports.report.message")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems are a static list
            <Table.Tr key={i} data-testid={`${testId}-row`}>
              <Table.Td ff="monospace">{p.row}</Table.Td>
              <Table.Td ff="monospace">{p.column || "—"}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The dry run (or commit) report: counts, the first changes, warnings, and the error table. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const hasErrors = report.totalErrors > 0;
  return (
    <Stack data-testid="import-report" data-errors={report.totalErrors}>
      <SimpleGrid cols={{ base: 2, xs: 4 }}>
        <Count label={t("imports.report.rows")} value={report.rows} testId="import-count-rows" />
        <Count label={t("imports.report.create")} value={report.create} testId="import-count-create" color="green.8" />
        <Count label={t("imports.report.update")} value={report.update} testId="import-count-update" color="blue.8" />
        <Count label={t("imports.report.unchanged")} value={report.unchanged} testId="import-count-unchanged" />
      </SimpleGrid>
      {hasErrors ? (
        <>
          <Alert color="red" title={t("imports.report.errorsTitle", { count: report.totalErrors })} role="alert">
            {t("imports.report.errorsHelp")}
          </Alert>
          <ProblemTable problems={report.errors} testId="import-errors" />
          {report.totalErrors > report.errors.length && (
            <Text size="xs" c="dimmed">
              {t("imports.report.moreErrors", { count: report.totalErrors - report.errors.length })}
            </Text>
          )}
        </>
      ) : report.create + report.update === 0 ? (
        <Alert color="gray" data-testid="import-nothing">
          {t("imports.report.nothing")}
        </Alert>
      ) : null}
      {report.totalWarnings > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h6">
            {t("imports.report.warningsTitle", { count: report.totalWarnings })}
          </Title>
          <ProblemTable problems={report.warnings} testId="import-warnings" />
        </Stack>
      )}
      {report.changes.length > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h6">
            {t("imports.report.changesTitle", { count: report.changes.length })}
          </Title>
          <Table.ScrollContainer minWidth={420} mah={320}>
            <Table verticalSpacing={4} fz="sm" data-testid="import-changes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("imports.report.row")}</Table.Th>
                  <Table.Th>{t("imports.report.action")}</Table.Th>
                  <Table.Th>{t("imports.report.key")}</Table.Th>
                  <Table.Th>{t("imports.report.fields")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.changes.map((c) => (
                  <Table.Tr key={`${c.row}-${c.key}`} data-testid="import-change-row" data-action={c.action}>
                    <Table.Td ff="monospace">{c.row}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" color={c.action === "create" ? "green" : "blue"} variant="light">
                        {t(`imports.report.${c.action}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ff="monospace">{c.key}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {c.fields.map((f) => (
                          <Badge key={f} size="xs" variant="outline" tt="none" ff="monospace">
                            {f}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {report.create + report.update > report.changes.length && (
            <Text size="xs" c="dimmed">
              {t("imports.report.moreChanges", { count: report.create + report.update - report.changes.length })}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
