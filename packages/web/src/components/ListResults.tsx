import { Button, Group, Paper, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { UrlFilters } from "../lib/useUrlFilters";
import { ListFooter } from "./ListFooter";
import { PageLoader } from "./PageLoader";
import { QueryError } from "./QueryError";

/** One page of a list as the API answers it. */
export interface ListPage<T> {
  items: T[];
  total: number;
}

/**
 * Everything under a paged list's filters: a loader, the load error, `empty` when nothing exists yet, "no
 * matches" with a way out when only the filters hide everything, else the table (`children`) and the pager.
 */
export function PagedListResults<T>({
  query,
  filters,
  pageSize,
  empty,
  noMatches,
  noMatchesTestId,
  children,
}: {
  query: UseQueryResult<ListPage<T>>;
  filters: Pick<UrlFilters<string>, "filtered" | "clear" | "page" | "setPage">;
  pageSize: number;
  empty: ReactNode;
  /** The sentence shown when the filters match nothing. */
  noMatches: string;
  noMatchesTestId?: string;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total } = query.data;
  if (total === 0 && !filters.filtered) return empty;
  if (total === 0) {
    return (
      <Paper withBorder p="lg" data-testid={noMatchesTestId}>
        <Group justify="space-between">
          <Text>{noMatches}</Text>
          <Button variant="default" onClick={filters.clear}>
            {t("common.clearFilters")}
          </Button>
        </Group>
      </Paper>
    );
  }
  return (
    <Paper withBorder>
      {children(items)}
      <ListFooter page={filters.page} pageSize={pageSize} total={total} onPage={filters.setPage} settled={!query.isPlaceholderData} />
    </Paper>
  );
}

/** "42 criteria" above an unpaged list, announced as it changes, with "Clear filters" while any is set. */
export function ListCount({
  children,
  filtered,
  onClear,
  "data-testid": testId,
}: {
  children: ReactNode;
  filtered: boolean;
  onClear: () => void;
  "data-testid": string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite" data-testid={testId}>
        {children}
      </Text>
      {filtered && (
        <Button variant="subtle" size="compact-sm" onClick={onClear}>
          {t("common.clearFilters")}
        </Button>
      )}
    </Group>
  );
}
