import { Button, Center, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { AuditEventsTable } from "./AuditEventsTable";
import { type AuditFilters, useAuditEvents } from "./api";

/** Audit events for a filter, with "Load more" through the `nextBefore` cursor. */
export function AuditHistory({ entityType, entityId, showEntity }: AuditFilters & { showEntity?: boolean }) {
  const { t } = useTranslation();
  const events = useAuditEvents({ entityType, entityId });

  if (events.isPending) return <PageLoader />;
  if (!events.data) return <QueryError error={events.error} onRetry={() => void events.refetch()} />;

  const items = events.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="audit-empty">
        {t("audit.noEvents")}
      </Text>
    );
  }
  return (
    <Stack>
      <AuditEventsTable events={items} showEntity={showEntity ?? !entityId} />
      {events.hasNextPage && (
        <Center>
          <Button
            variant="default"
            onClick={() => void events.fetchNextPage()}
            loading={events.isFetchingNextPage}
            data-testid="audit-load-more"
          >
            {t("audit.loadMore")}
          </Button>
        </Center>
      )}
      {events.isFetchNextPageError && <QueryError error={events.error} />}
    </Stack>
  );
}
