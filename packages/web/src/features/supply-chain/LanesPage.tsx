import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CountrySelect } from "../../components/CountrySelect";
import { CreateModal } from "../../components/form/FormModal";
import { FilterBar, FilterSelect, FilterSwitch, SearchBox } from "../../components/ListFilters";
import { ListFooter } from "../../components/ListFooter";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { isEditor } from "../../lib/constants";
import { useUrlFilters } from "../../lib/useUrlFilters";
import { useCurrentSession } from "../auth/session";
import { useCreateLane, useLanes } from "./api";
import { laneMatches, readLaneFilters } from "./LaneFilters";
import { LaneForm } from "./LaneForm";
import { LanesTable } from "./LanesTable";
import { useLaneUncertified } from "./lookup-api";
import { LANE_MODES } from "./nodes";
import { PartnerSelect } from "./PartnerSelect";

const PAGE_SIZE = 20;
/** With a mode filter (checked in the browser) the page is cut here from one large request. */
const MODE_FETCH = 200;

/** The lane list: filters in the URL, route chips, uncertified-partner warnings, and "New lane". */
export default function LanesPage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const urlFilters = useUrlFilters(["q", "country", "partner", "mode", "archived"]);
  const { params, page } = urlFilters;
  const filters = readLaneFilters(params);
  const includeArchived = urlFilters.values.archived === "1";
  const [opened, { open, close }] = useDisclosure(params.get("new") === "1" && canEdit);

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
  const uncertified = useLaneUncertified(rows.map((l) => l.id));

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
        <FilterBar>
          <SearchBox placeholder={t("lanes.searchPlaceholder")} value={urlFilters.q} onChange={urlFilters.setQ} data-testid="lane-search" />
          <CountrySelect
            label={t("supplyChain.fields.country")}
            placeholder={t("lanes.anyCountry")}
            {...urlFilters.bindSelect("country")}
            clearable
            allowDeselect
            w={{ base: "100%", xs: 200 }}
            data-testid="lane-country-filter"
          />
          <PartnerSelect
            label={t("lanes.partner")}
            placeholder={t("lanes.anyPartner")}
            {...urlFilters.bindSelect("partner")}
            w={{ base: "100%", xs: 240 }}
            data-testid="lane-partner-filter"
          />
          <FilterSelect
            label={t("supplyChain.fields.mode")}
            placeholder={t("lanes.anyMode")}
            options={LANE_MODES}
            labelPrefix="supplyChain.modes"
            width={160}
            searchable={false}
            {...urlFilters.bindSelect("mode")}
            data-testid="lane-mode-filter"
          />
          <FilterSwitch label={t("lanes.showArchived")} {...urlFilters.bindSwitch("archived")} data-testid="lane-show-archived" />
        </FilterBar>
        {lanes.isPending ? (
          <PageLoader />
        ) : lanes.isError ? (
          <QueryError error={lanes.error} onRetry={() => void lanes.refetch()} />
        ) : total === 0 ? (
          <Paper withBorder p="lg" data-testid="lanes-empty">
            <Group justify="space-between">
              <Text>{urlFilters.filtered ? t("lanes.noMatches") : t("lanes.empty")}</Text>
              {!urlFilters.filtered && canEdit && <Button onClick={open}>{t("lanes.new")}</Button>}
            </Group>
          </Paper>
        ) : (
          <Paper withBorder>
            <LanesTable lanes={rows} uncertified={uncertified.byLane} />
            <ListFooter
              page={page}
              pageSize={PAGE_SIZE}
              total={total}
              onPage={urlFilters.setPage}
              settled={!lanes.isPlaceholderData}
              note={byMode && (lanes.data?.total ?? 0) > MODE_FETCH ? t("lanes.modeCapped", { count: MODE_FETCH }) : undefined}
            />
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
