import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../api/errors";
import { ListFooter } from "../../components/ListFooter";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { isEditor } from "../../lib/constants";
import { formatDateTime } from "../../lib/dates";
import { applyParamChanges, type ParamChanges } from "../../lib/searchParams";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { isApprover } from "../procedures/api";
import { DecisionModal } from "./DecisionModal";
import { ListUploadModal } from "./ListUploadModal";
import { MatchCard } from "./MatchCard";
import {
  MATCH_STATUSES,
  type MatchDecision,
  type MatchStatus,
  type ScreeningMatch,
  useRunScreening,
  useScreeningLists,
  useScreeningMatches,
} from "./screening.api";

const PAGE_SIZE = 20;

/** The imported lists: what was uploaded, when, by whom, and how many entries it holds. */
function ListsTable() {
  const { t } = useTranslation();
  const lang = useLang();
  const lists = useScreeningLists();
  if (lists.isPending) return null;
  if (lists.isError) return <QueryError error={lists.error} onRetry={() => void lists.refetch()} />;
  if (lists.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="screening-lists-empty">
        {t("screening.lists.none")}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing="xs" fz="sm" data-testid="screening-lists">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("screening.lists.name")}</Table.Th>
            <Table.Th>{t("screening.lists.source")}</Table.Th>
            <Table.Th>{t("screening.lists.entries")}</Table.Th>
            <Table.Th>{t("screening.lists.imported")}</Table.Th>
            <Table.Th>SHA-256</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lists.data.items.map((l) => (
            <Table.Tr key={l.id} data-testid="screening-list-row" data-source={l.source}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {l.name}
                </Text>
                {l.filename && (
                  <Text size="xs" c="dimmed">
                    {l.filename}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`screening.sources.${l.source}`)}</Table.Td>
              <Table.Td data-testid="screening-list-entries">{l.entryCount.toLocaleString(lang === "es" ? "es-MX" : "en-US")}</Table.Td>
              <Table.Td>
                {formatDateTime(l.importedAt, lang)}
                {l.importedBy && (
                  <Text size="xs" c="dimmed">
                    {l.importedBy.displayName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ff="monospace" fz="xs" title={l.sha256}>
                {l.sha256.slice(0, 12)}…
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Denied-party screening: upload official lists (nothing is fetched from the internet), rescreen, decide matches. */
export default function ScreeningPage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const canDecide = isApprover(role);
  const [params, setParams] = useSearchParams();
  const [uploading, { open, close }] = useDisclosure(false);
  const [deciding, setDeciding] = useState<{ match: ScreeningMatch; decision: MatchDecision } | null>(null);
  const run = useRunScreening();

  const statusParam = params.get("status");
  const status: MatchStatus | "all" = statusParam === "all" ? "all" : (MATCH_STATUSES.find((s) => s === statusParam) ?? "open");
  const partnerId = params.get("partnerId");
  const page = Math.max(1, Number(params.get("page")) || 1);
  const matches = useScreeningMatches({
    status: status === "all" ? null : status,
    partnerId,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  // A new status or partner starts again at page 1.
  const setParam = (changes: ParamChanges) => setParams((prev) => applyParamChanges(prev, changes, ["page"]), { replace: true });

  const rescreen = () =>
    run.mutate(undefined, {
      onSuccess: (r) =>
        notifications.show({
          color: r.matches.length > 0 ? "orange" : "green",
          message: t("screening.rescreenDone", { screened: r.screened, count: r.matches.length }),
        }),
      onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
    });

  const actions = canEdit ? (
    <>
      <Button variant="default" onClick={rescreen} loading={run.isPending} data-testid="screening-rescreen-all">
        {t("screening.rescreenAll")}
      </Button>
      <Button onClick={open} data-testid="screening-upload">
        {t("screening.uploadList")}
      </Button>
    </>
  ) : null;

  const total = matches.data?.total ?? 0;
  return (
    <>
      <PageHeader title={t("screening.title")} description={t("screening.description")} actions={actions} />
      <Stack gap="lg">
        <Alert color="blue" title={t("screening.offlineTitle")} data-testid="screening-offline-note">
          {t("screening.offlineNote")}
        </Alert>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t("screening.lists.title")}
            </Title>
            <ListsTable />
          </Stack>
        </Paper>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h4">
              {t("screening.matches.title")}
            </Title>
            <SegmentedControl
              aria-label={t("screening.matches.filter")}
              data={[...MATCH_STATUSES, "all"].map((s) => ({ value: s, label: t(`screening.matches.show.${s}`) }))}
              value={status}
              onChange={(v) => setParam({ status: v === "open" ? null : v })}
              data-testid="screening-match-filter"
            />
          </Group>
          {partnerId && (
            <Group gap="xs">
              <Text size="sm">{t("screening.matches.onePartner")}</Text>
              <Anchor component="button" type="button" size="sm" onClick={() => setParam({ partnerId: null })}>
                {t("screening.matches.allPartners")}
              </Anchor>
            </Group>
          )}
          {matches.isPending ? (
            <PageLoader />
          ) : matches.isError ? (
            <QueryError error={matches.error} onRetry={() => void matches.refetch()} />
          ) : total === 0 ? (
            <Paper withBorder p="lg" data-testid="screening-matches-empty">
              <Text size="sm" c="dimmed">
                {status === "open" ? t("screening.matches.noneOpen") : t("screening.matches.none")}
              </Text>
            </Paper>
          ) : (
            <Stack gap="sm" data-testid="screening-matches">
              {matches.data.items.map((m) => (
                <MatchCard key={m.id} match={m} canDecide={canDecide} onDecide={(match, decision) => setDeciding({ match, decision })} />
              ))}
              <Paper withBorder>
                <ListFooter
                  page={page}
                  pageSize={PAGE_SIZE}
                  total={total}
                  onPage={(p) => setParam({ page: p > 1 ? String(p) : null })}
                  settled={!matches.isPlaceholderData}
                />
              </Paper>
            </Stack>
          )}
          <Text size="xs" c="dimmed">
            {t("screening.matches.howMatched")}
          </Text>
        </Stack>
      </Stack>
      <ListUploadModal opened={uploading} onClose={close} />
      <DecisionModal target={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
