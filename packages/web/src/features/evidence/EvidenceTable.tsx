import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { EvidenceView } from "./api";
import { EvidenceStatusBadge } from "./EvidenceBits";

/** The vault's list: title, category, status with the expiry date, current version and links. */
export function EvidenceTable({ items }: { items: EvidenceView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();

  const onRowClick = (e: MouseEvent, id: string) => {
    // The title link handles its own clicks (and middle/ctrl clicks); the rest of the row navigates.
    if ((e.target as HTMLElement).closest("a,button")) return;
    navigate(`/evidence/${id}`);
  };

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="evidence-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("evidence.fields.title")}</Table.Th>
            <Table.Th>{t("evidence.fields.category")}</Table.Th>
            <Table.Th>{t("evidence.fields.status")}</Table.Th>
            <Table.Th>{t("evidence.fields.expiresOn")}</Table.Th>
            <Table.Th>{t("evidence.fields.version")}</Table.Th>
            <Table.Th>{t("evidence.fields.links")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id} className="clickable-row" data-testid="evidence-row" onClick={(ev) => onRowClick(ev, e.id)}>
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
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
