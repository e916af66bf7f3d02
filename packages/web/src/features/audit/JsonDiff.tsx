import { Code, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return "";
  return typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v, null, 2);
}

interface Row {
  key: string;
  before: unknown;
  after: unknown;
  change: "added" | "removed" | "changed";
}

/** Field-by-field differences between two JSON values (top-level keys of objects). */
export function diffRows(before: unknown, after: unknown): { rows: Row[]; unchanged: number } {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const rows: Row[] = [];
  let unchanged = 0;
  for (const key of keys) {
    const inB = key in b;
    const inA = key in a;
    if (inB && inA && JSON.stringify(b[key]) === JSON.stringify(a[key])) {
      unchanged++;
      continue;
    }
    rows.push({ key, before: b[key], after: a[key], change: !inB ? "added" : !inA ? "removed" : "changed" });
  }
  return { rows, unchanged };
}

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const objects = (before == null || isRecord(before)) && (after == null || isRecord(after));
  if (!objects) {
    return (
      <Stack gap="xs">
        <Text size="xs" fw={600}>
          {t("audit.before")}
        </Text>
        <Code block className="json-block">
          {show(before) || "null"}
        </Code>
        <Text size="xs" fw={600}>
          {t("audit.after")}
        </Text>
        <Code block className="json-block">
          {show(after) || "null"}
        </Code>
      </Stack>
    );
  }
  const { rows, unchanged } = diffRows(before, after);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("audit.noChanges")}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder withColumnBorders fz="xs" data-testid="audit-diff">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="20%">{t("audit.field")}</Table.Th>
              <Table.Th w="40%">{t("audit.before")}</Table.Th>
              <Table.Th w="40%">{t("audit.after")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td ff="monospace">{r.key}</Table.Td>
                <Table.Td bg={r.change === "added" ? undefined : "red.0"}>
                  <span className="json-block" style={{ fontFamily: "var(--mantine-font-family-monospace)" }}>
                    {r.change === "added" ? "—" : show(r.before)}
                  </span>
                </Table.Td>
                <Table.Td bg={r.change === "removed" ? undefined : "green.0"}>
                  <span className="json-block" style={{ fontFamily: "var(--mantine-font-family-monospace)" }}>
                    {r.change === "removed" ? "—" : show(r.after)}
                  </span>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {unchanged > 0 && (
        <Text size="xs" c="dimmed">
          {t("audit.unchangedFields", { count: unchanged })}
        </Text>
      )}
    </Stack>
  );
}
