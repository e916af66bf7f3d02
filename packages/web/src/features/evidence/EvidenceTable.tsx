import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LinkRow, ListTable } from "../../components/ListTable";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { EvidenceView } from "./api";
import { EvidenceStatusBadge } from "./EvidenceBits";

/** The vault's list: title, category, status with the expiry date, current version and links. */
export function EvidenceTable({ items }: { items: EvidenceView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns = ["title", "category", "status", "expiresOn", "version", "links"].map((f) => t(`evidence.fields.${f}`));

  return (
    <ListTable columns={columns} minWidth={720} data-testid="evidence-table">
      {items.map((e) => (
        <LinkRow key={e.id} to={`/evidence/${e.id}`} data-testid="evidence-row">
          <Table.Td maw={340}>
            <Stack gap={0}>
              <Anchor component={Link} to={`/evidence/${e.id}`} fw={500}>
                {e.title}
              </Anchor>
              {e.latest && (
                <Text size="xs" c="dimmed" truncate="end">
                  {e.latest.filename}
                </Text>
              )}
            </Stack>
          </Table.Td>
          <Table.Td>{t(`evidence.categories.${e.category}`)}</Table.Td>
          <Table.Td>
            <Group gap={4} wrap="nowrap">
              <EvidenceStatusBadge status={e.status} />
              {e.archivedAt && (
                <Badge color="gray" variant="outline">
                  {t("evidence.archived")}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td c={e.status === "expired" ? "red" : e.status === "expiring" ? "orange.8" : undefined}>
            {e.expiresOn ? formatDate(e.expiresOn, lang) : t("evidence.noExpiry")}
          </Table.Td>
          <Table.Td ff="monospace">v{e.currentVersion}</Table.Td>
          <Table.Td>{e.linkCount}</Table.Td>
        </LinkRow>
      ))}
    </ListTable>
  );
}
