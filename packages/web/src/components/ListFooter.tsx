import { Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** "1–20 of 45" and the page buttons under a paged table. */
export function ListFooter({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" p="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("common.showingRange", { from: (page - 1) * pageSize + 1, to: Math.min(page * pageSize, total), total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPage}
          getControlProps={(control) => ({ "aria-label": t(`common.pagination.${control}`) })}
          getItemProps={(p) => ({ "aria-label": t("common.pagination.page", { page: p }) })}
        />
      )}
    </Group>
  );
}
