import { Anchor, Badge, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CompareResult, CompareSide } from "./api";

type Row = CompareResult["rows"][number];
type Field = "status" | "narrative" | "owner" | "naJustification" | "evidence" | "procedures";
const FIELDS: Field[] = ["status", "narrative", "owner", "naJustification", "evidence", "procedures"];

/** Which fields differ between the two sides (every field when one side is missing). */
function changedFields(row: Row): Set<Field> {
  if (!row.from || !row.to) return new Set(row.changed ? FIELDS : []);
  const a = row.from;
  const b = row.to;
  return new Set(FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f])));
}

const STATUS_COLOR: Record<string, string> = {
  implemented: "green",
  partial: "yellow",
  not_implemented: "red",
  not_applicable: "gray",
  not_assessed: "gray",
};

/** One side of a criterion: status, owner, narrative, evidence and procedures; changed parts in bold. */
function Side({ side, changed }: { side: CompareSide | null; changed: Set<Field> }) {
  const { t } = useTranslation();
  if (!side) {
    return (
      <Text size="sm" c="dimmed">
        {t("reviews.compare.notApplicable")}
      </Text>
    );
  }
  const fw = (f: Field) => (changed.has(f) ? 700 : undefined);
  return (
    <Stack gap={4}>
      <Badge color={STATUS_COLOR[side.status] ?? "gray"} variant={changed.has("status") ? "filled" : "light"} size="sm">
        {t(`status.${side.status}`, { defaultValue: side.status })}
      </Badge>
      {side.owner && (
        <Text size="xs" fw={fw("owner")}>
          {t("reviews.compare.owner", { name: side.owner })}
        </Text>
      )}
      {side.narrative && (
        <Text size="xs" fw={fw("narrative")} lineClamp={3} title={side.narrative}>
          {side.narrative}
        </Text>
      )}
      {side.naJustification && (
        <Text size="xs" fw={fw("naJustification")} lineClamp={2} title={side.naJustification}>
          {t("reviews.compare.naJustification", { text: side.naJustification })}
        </Text>
      )}
      <Text size="xs" c={changed.has("evidence") ? undefined : "dimmed"} fw={fw("evidence")}>
        {side.evidence.length === 0
          ? t("reviews.compare.noEvidence")
          : side.evidence.map((e) => `${e.title} (v${e.version}, ${e.sha256.slice(0, 8)})`).join("; ")}
      </Text>
      {side.procedures.length > 0 && (
        <Text size="xs" c={changed.has("procedures") ? undefined : "dimmed"} fw={fw("procedures")}>
          {side.procedures.map((p) => `${p.code}${p.approvedVersion ? ` v${p.approvedVersion}` : ""}`).join(", ")}
        </Text>
      )}
    </Stack>
  );
}

/** Both sides per criterion; changed rows are tinted and labelled "Changed" (not by color alone). */
export function CompareTable({ rows, fromLabel, toLabel }: { rows: Row[]; fromLabel: string; toLabel: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" data-testid="compare-table" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t("reviews.compare.criterion")}</Table.Th>
            <Table.Th>{fromLabel}</Table.Th>
            <Table.Th>{toLabel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const changed = changedFields(row);
            return (
              <Table.Tr
                key={row.criterionId}
                data-testid="compare-row"
                data-changed={row.changed ? "true" : "false"}
                bg={row.changed ? "var(--mantine-color-yellow-light)" : undefined}
              >
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Anchor component={Link} to={`/profile/${encodeURIComponent(row.criterionId)}`} ff="monospace" fw={600}>
                      {row.criterionId}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`criteria.level.${row.level}`, { defaultValue: row.level })}
                    </Text>
                    {row.changed && (
                      <Badge size="xs" color="yellow" variant="filled">
                        {t("reviews.compare.changed")}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Side side={row.from} changed={changed} />
                </Table.Td>
                <Table.Td>
                  <Side side={row.to} changed={changed} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
