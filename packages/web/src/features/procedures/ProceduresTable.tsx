import { Anchor, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LinkRow, ListTable } from "../../components/ListTable";
import type { Procedure } from "./api";
import { CriteriaLinks, NextReview, ProcedureStatusCell } from "./ProcedureBits";

/** The SOP list: code, title, status, next review and the criteria each procedure covers. */
export function ProceduresTable({ items }: { items: Procedure[] }) {
  const { t } = useTranslation();
  const columns = ["code", "title", "status", "nextReview", "criteria"].map((f) => t(`procedures.fields.${f}`));

  return (
    <ListTable columns={columns} minWidth={760} data-testid="procedures-table">
      {items.map((p) => (
        <LinkRow key={p.id} to={`/procedures/${p.id}`} data-testid="procedure-row">
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
        </LinkRow>
      ))}
    </ListTable>
  );
}
