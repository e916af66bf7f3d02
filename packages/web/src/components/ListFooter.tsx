import { Group, Pagination, Text } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { computePageRange } from "../lib/paging";

/**
 * "1–20 of 45" and the page buttons under a paged table, with `note` after the range. A page past the end
 * (the list shrank since the link was made) shows the last page's range and, once `total` is `settled`, asks
 * `onPage` for the last page so the rows match the footer.
 */
export function ListFooter({
  page,
  pageSize,
  total,
  onPage,
  note,
  settled = true,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  note?: string;
  /** False while `total` is a previous query's, kept on screen as the new one loads: it may not apply to `page`. */
  settled?: boolean;
}) {
  const { t } = useTranslation();
  const range = computePageRange(page, pageSize, total);
  const outOfRange = settled && page > range.page;

  // biome-ignore lint/correctness/useExhaustiveDependencies: onPage is a new function on every render
  useEffect(() => {
    if (outOfRange) onPage(range.page);
  }, [outOfRange, range.page]);

  return (
    <Group justify="space-between" p="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("common.showingRange", { from: range.from, to: range.to, total })}
        {note ? ` · ${note}` : ""}
      </Text>
      {range.pages > 1 && (
        <Pagination
          total={range.pages}
          value={range.page}
          onChange={onPage}
          getControlProps={(control) => ({ "aria-label": t(`common.pagination.${control}`) })}
          getItemProps={(p) => ({ "aria-label": t("common.pagination.page", { page: p }) })}
        />
      )}
    </Group>
  );
}
