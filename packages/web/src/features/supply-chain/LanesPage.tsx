import { Button, Group, Pagination, Paper, Stack, Switch, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { CreateModal } from "../../components/form/FormModal";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { isEditor } from "../../lib/constants";
import { useCurrentSession } from "../auth/session";
import { PageLoader } from "../shell/AppLayout";
import { useCreateLane, useLanes } from "./api";
import { LaneFilters, laneMatches, readLaneFilters } from "./LaneFilters";
import { LaneForm } from "./LaneForm";
import { LanesTable } from "./LanesTable";
import { useLaneUncertified } from "./lookup-api";

const PAGE_SIZE = 20;
/** With a mode filter (checked in the browser) the page is cut here from one large request. */
const MODE_FETCH = 200;

/** The lane list: filters in the URL, route chips, uncertified-partner warnings, and "New lane". */
export default function LanesPage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const [params, setParams] = useSearchParams();
  const filters = readLaneFilters(params);
  const includeArchived = params.get("archived") === "1";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [opened, { open, close }] = useDisclosure(params.get("new") === "1" && canEdit);

  const update = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== "page") next.delete("page");
        next.delete("new");
        return next;
      },
      { replace: true },
    );

  // The lanes API filters text, country and partner; the mode is checked here, so then one big page is paged locally.
  const byMode = !!filters.mode;
  const lanes = useLanes({
    q: filters.q,
    countryCode: filters.country,
    partnerId: filters.partner,
    includeArchived,
    limit: byMode ? MODE_FETCH : PAGE_SIZE,
    offset: byMode ? 0 : (page - 1) * PAGE_SIZE,
  });
  const matching = (lanes.data?.items ?? []).filter((l) => laneMatches(l, filters));
  const rows = byMode ? matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) : matching;
  const total = byMode ? matching.length : (lanes.data?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const uncertified = useLaneUncertified(rows.map((l) => l.id));
  const filtered = !!(filters.q || filters.country || filters.partner || filters.mode || includeArchived);

  const actions = (
    <>
      <Button component={Link} to="/supply-chain" variant="default">
        {t("lanes.openMap")}
      </Button>
      {canEdit && (
        <Button onClick={open} data-testid="lane-new">
          {t("lanes.new")}
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={t("lanes.title")} description={t("lanes.description")} actions={actions} />
      <Stack>
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <LaneFilters filters={filters} onChange={update} cols={4} />
            <Switch
              label={t("lanes.showArchived")}
              checked={includeArchived}
              onChange={(e) => update("archived", e.currentTarget.checked ? "1" : null)}
              data-testid="lane-show-archived"
            />
          </Stack>
        </Paper>
        {lanes.isPending ? (
          <PageLoader />
        ) : lanes.isError ? (
          <QueryError error={lanes.error} onRetry={() => void lanes.refetch()} />
        ) : total === 0 ? (
          <Paper withBorder p="lg" data-testid="lanes-empty">
            <Group justify="space-between">
              <Text>{filtered ? t("lanes.noMatches") : t("lanes.empty")}</Text>
              {!filtered && canEdit && <Button onClick={open}>{t("lanes.new")}</Button>}
            </Group>
          </Paper>
        ) : (
          <Paper withBorder>
            <LanesTable lanes={rows} uncertified={uncertified.byLane} />
            <Group justify="space-between" p="sm">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t("common.showingRange", { from: (page - 1) * PAGE_SIZE + 1, to: Math.min(page * PAGE_SIZE, total), total })}
                {byMode && (lanes.data?.total ?? 0) > MODE_FETCH ? ` · ${t("lanes.modeCapped", { count: MODE_FETCH })}` : ""}
              </Text>
              {pages > 1 && (
                <Pagination
                  total={pages}
                  value={Math.min(page, pages)}
                  onChange={(p) => update("page", p > 1 ? String(p) : null)}
                  getControlProps={(control) => ({ "aria-label": t(`common.pagination.${control}`) })}
                  getItemProps={(p) => ({ "aria-label": t("common.pagination.page", { page: p }) })}
                />
              )}
            </Group>
          </Paper>
        )}
      </Stack>
      <NewLaneModal opened={opened} onClose={close} />
    </>
  );
}

/** "New lane" dialog (full screen on phones and small tablets); the form remounts on every open so it starts empty. */
function NewLaneModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateLane();
  return (
    <CreateModal
      opened={opened}
      onClose={onClose}
      title={t("lanes.newTitle")}
      size="xl"
      fullScreenBelow="sm"
      create={create}
      createdMessage={(lane) => t("lanes.created", { name: lane.name })}
      pathOf={(lane) => `/lanes/${lane.id}`}
    >
      {(form) => <LaneForm lane={null} mode="create" {...form} />}
    </CreateModal>
  );
}
