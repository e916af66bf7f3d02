import { Anchor, Badge, Group, Pagination, Table, Text } from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GraphNode } from "../api";
import { graphNodePartnerId } from "../nodes";
import { type ColorBy, paletteFor } from "../palette";
import { type GraphModel, nodeValue } from "./graphModel";

const PAGE = 50;

/**
 * The tier graph as a table (its text alternative): every node with its tier, status, risk and
 * certification, and how many links it has; paged so thousands of rows never hit the DOM at once.
 */
export function GraphTable({
  model,
  colorBy,
  selected,
  onOpen,
}: {
  model: GraphModel;
  colorBy: ColorBy;
  selected: string | null;
  onOpen: (node: GraphNode) => void;
}) {
  const { t } = useTranslation();
  const rows = useMemo(
    () =>
      model.nodes
        .map((node, i) => ({ node, links: model.incident[i]?.length ?? 0 }))
        .sort((a, b) => a.node.tier - b.node.tier || a.node.label.localeCompare(b.node.label)),
    [model],
  );
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));

  // Jump to the page holding the node picked in the search box.
  useEffect(() => {
    if (!selected) return;
    const at = rows.findIndex((r) => r.node.id === selected);
    if (at >= 0) setPage(Math.floor(at / PAGE) + 1);
  }, [selected, rows]);

  const badge = (by: ColorBy, node: GraphNode) => {
    const v = nodeValue(node, by);
    if (!v || node.tier === 0) return null;
    return (
      <Badge size="sm" variant={by === colorBy ? "filled" : "light"} color={paletteFor(by)[v] ?? "gray"}>
        {t(`supplyChain.${by}.${v}`, v)}
      </Badge>
    );
  };

  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" data-testid="graph-table" aria-label={t("tierGraph.tableLabel", { count: rows.length })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("tierGraph.columns.name")}</Table.Th>
              <Table.Th>{t("tierGraph.columns.tier")}</Table.Th>
              <Table.Th>{t("supplyChain.fields.status")}</Table.Th>
              <Table.Th>{t("supplyChain.fields.risk")}</Table.Th>
              <Table.Th>{t("supplyChain.fields.certified")}</Table.Th>
              <Table.Th>{t("tierGraph.columns.links")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice((page - 1) * PAGE, page * PAGE).map(({ node, links }) => (
              <Table.Tr key={node.id} data-testid="graph-row" bg={node.id === selected ? "var(--mantine-color-yellow-light)" : undefined}>
                <Table.Td>
                  {graphNodePartnerId(node) ? (
                    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(node)}>
                      {node.label}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={600}>
                      {node.label}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{node.tier === 0 ? t("tierGraph.company") : t("tierGraph.tier", { tier: node.tier })}</Table.Td>
                <Table.Td>{badge("status", node)}</Table.Td>
                <Table.Td>{badge("risk", node)}</Table.Td>
                <Table.Td>{badge("certified", node)}</Table.Td>
                <Table.Td>{links}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="flex-end">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ "aria-label": t(`common.pagination.${control}`) })}
            getItemProps={(p) => ({ "aria-label": t("common.pagination.page", { page: p }) })}
          />
        </Group>
      )}
    </>
  );
}
