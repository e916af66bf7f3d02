import { Anchor, Stack, Table, Text } from "@mantine/core";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { Procedure } from "./api";
import { CriteriaLinks, NextReview, ProcedureStatusCell } from "./ProcedureBits";

/** The SOP list: code, title, status, next review and the criteria each procedure covers. */
export function ProceduresTable({ items }: { items: Procedure[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onRowClick = (e: MouseEvent, id: string) => {
    if ((e.target as HTMLElement).closest("a,button")) return;
    navigate(`/procedures/${id}`);
  };

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="procedures-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("procedures.fields.code")}</Table.Th>
            <Table.Th>{t("procedures.fields.title")}</Table.Th>
            <Table.Th>{t("procedures.fields.status")}</Table.Th>
            <Table.Th>{t("procedures.fields.nextReview")}</Table.Th>
            <Table.Th>{t("procedures.fields.criteria")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} className="clickable-row" data-testid="procedure-row" onClick={(e) => onRowClick(e, p.id)}>
              <Table.Td ff="monospace" style={{ whiteSpace: "nowrap" }}>
                {p.code}
              </Table.Td>
              <Table.Td maw={320}>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/procedures/${p.id}`} fw={500}>
                    {p.title}
                  </Anchor>
                  {p.owner && (
                    <Text size="xs" c="dimmed">
                      {t("procedures.ownedBy", { name: p.owner.displayName })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <ProcedureStatusCell p={p} />
              </Table.Td>
              <Table.Td>
                <NextReview p={p} />
              </Table.Td>
              <Table.Td maw={220}>
                <CriteriaLinks ids={p.criterionIds} max={6} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
