import { Anchor, Stack } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { PageHeader } from "./PageHeader";
import { PageLoader } from "./PageLoader";
import { QueryError } from "./QueryError";

/** "← Back to the list" above a detail page. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      ← {children}
    </Anchor>
  );
}

/** A detail page whose record has not arrived: the loader, or the error under the way back to the list. */
export function DetailFallback({ query, back }: { query: UseQueryResult<unknown>; back: ReactNode }) {
  if (query.isPending) return <PageLoader />;
  return (
    <Stack align="flex-start">
      {back}
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
    </Stack>
  );
}

/** A detail page: the way back to its list, the header with the record's name, status and actions, then the body. */
export function DetailLayout({
  back,
  title,
  description,
  actions,
  children,
}: {
  back: ReactNode;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="lg">
      {back}
      <PageHeader title={title} description={description} actions={actions} />
      {children}
    </Stack>
  );
}
