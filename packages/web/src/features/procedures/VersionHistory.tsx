import { Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { ProcedureVersion } from "./api";
import { ProcedureStatusBadge } from "./ProcedureBits";

/** Every version with its state, author, change note and approval. */
export function VersionHistory({ versions }: { versions: ProcedureVersion[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <>
      <Title order={2} size="h4" mb="sm">
        {t("procedures.history.title")}
      </Title>
      <Table.ScrollContainer minWidth={680}>
        <Table verticalSpacing="xs" data-testid="procedure-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("procedures.history.version")}</Table.Th>
              <Table.Th>{t("procedures.fields.status")}</Table.Th>
              <Table.Th>{t("procedures.fields.changeNote")}</Table.Th>
              <Table.Th>{t("procedures.history.author")}</Table.Th>
              <Table.Th>{t("procedures.history.approved")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((v) => (
              <Table.Tr key={v.version} data-testid="procedure-version-row" data-version={v.version} data-status={v.status}>
                <Table.Td ff="monospace">v{v.version}</Table.Td>
                <Table.Td>
                  <ProcedureStatusBadge status={v.status} size="sm" />
                </Table.Td>
                <Table.Td maw={280}>
                  <Text size="sm">{v.changeNote ?? "—"}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{v.author?.displayName ?? t("evidence.unknownPerson")}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(v.createdAt, lang)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {v.approvedAt ? (
                    <>
                      <Text size="sm">{v.approvedBy?.displayName ?? t("evidence.unknownPerson")}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(v.approvedAt, lang)}
                      </Text>
                    </>
                  ) : v.submittedAt ? (
                    <Text size="xs" c="dimmed">
                      {t("procedures.history.submittedAt", { date: formatDateTime(v.submittedAt, lang) })}
                    </Text>
                  ) : (
                    "—"
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
