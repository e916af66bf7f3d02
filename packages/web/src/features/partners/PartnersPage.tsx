import { Button, Collapse, Group, Paper, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CountrySelect } from "../../components/CountrySelect";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { SearchSelect } from "../../components/SearchSelect";
import { isEditor } from "../../lib/constants";
import { useCurrentSession } from "../auth/session";
import { ListFooter } from "../evidence/ListFooter";
import { useUrlFilters } from "../evidence/useUrlFilters";
import { PageLoader } from "../shell/AppLayout";
import { usePartners } from "./api";
import { CERTIFIED_VALUES, PARTNER_STATUSES, PARTNER_TYPES, RISK_LEVELS } from "./domain";
import { NewPartnerModal } from "./NewPartnerModal";
import { PartnersEmptyState } from "./PartnersEmptyState";
import { PartnersTable } from "./PartnersTable";

const PAGE_SIZE = 25;
const FILTER_KEYS = ["type", "status", "country", "risk", "certified", "rescreenDue"];

/** The business partner registry: search, filters, badges, and a "new partner" dialog. */
export default function PartnersPage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const { params, q, setQ, update, page, clear } = useUrlFilters();
  const [opened, { open, close }] = useDisclosure(params.get("new") === "1" && canEdit);
  const phone = useMediaQuery("(max-width: 48em)");
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);

  const filters = {
    type: params.get("type"),
    status: params.get("status"),
    countryCode: params.get("country"),
    risk: params.get("risk"),
    certified: params.get("certified"),
    rescreenDue: params.get("rescreenDue") === "1",
  };
  const partners = usePartners({ q: params.get("q") ?? "", ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const filtered = !!params.get("q") || FILTER_KEYS.some((k) => params.get(k));
  const total = partners.data?.total ?? 0;

  const actions = (
    <>
      <Button component={Link} to="/imports?kind=partners" variant="default" data-testid="partner-import">
        {t("partners.importExport")}
      </Button>
      {canEdit && (
        <Button onClick={open} data-testid="partner-new">
          {t("partners.new")}
        </Button>
      )}
    </>
  );
  const option = (prefix: string) => (v: string) => ({ value: v, label: t(`${prefix}.${v}`) });
  const activeFilters = FILTER_KEYS.filter((k) => params.get(k)).length;
  // On a phone the six filters would push the list below the fold: they fold away behind one button.
  const filterFields = (
    <>
      <SearchSelect
        label={t("partners.fields.type")}
        placeholder={t("partners.filters.all")}
        data={PARTNER_TYPES.map(option("partners.type"))}
        value={filters.type}
        onChange={(v) => update({ type: v })}
        clearable
        w={{ base: "100%", xs: 200 }}
        data-testid="partner-type-filter"
      />
      <SearchSelect
        label={t("partners.fields.status")}
        placeholder={t("partners.filters.all")}
        data={PARTNER_STATUSES.map(option("partners.status"))}
        value={filters.status}
        onChange={(v) => update({ status: v })}
        clearable
        w={{ base: "100%", xs: 160 }}
        data-testid="partner-status-filter"
      />
      <CountrySelect
        label={t("partners.fields.country")}
        placeholder={t("partners.filters.all")}
        value={filters.countryCode}
        onChange={(v) => update({ country: v })}
        clearable
        allowDeselect
        w={{ base: "100%", xs: 200 }}
        data-testid="partner-country-filter"
      />
      <SearchSelect
        label={t("partners.fields.risk")}
        placeholder={t("partners.filters.all")}
        data={RISK_LEVELS.map(option("partners.risk"))}
        value={filters.risk}
        onChange={(v) => update({ risk: v })}
        clearable
        w={{ base: "100%", xs: 130 }}
        data-testid="partner-risk-filter"
      />
      <SearchSelect
        label={t("partners.fields.certified")}
        placeholder={t("partners.filters.all")}
        data={CERTIFIED_VALUES.map(option("partners.certified"))}
        value={filters.certified}
        onChange={(v) => update({ certified: v })}
        clearable
        w={{ base: "100%", xs: 170 }}
        data-testid="partner-certified-filter"
      />
      <Switch
        label={t("partners.filters.rescreenDue")}
        checked={filters.rescreenDue}
        onChange={(e) => update({ rescreenDue: e.currentTarget.checked ? "1" : null })}
        mb={8}
        data-testid="partner-rescreen-filter"
      />
    </>
  );

  return (
    <>
      <PageHeader title={t("partners.title")} description={t("partners.description")} actions={actions} />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <TextInput
              type="search"
              label={t("common.search")}
              placeholder={t("partners.searchPlaceholder")}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={{ base: "100%", xs: 240 }}
              data-testid="partner-search"
            />
            {phone && (
              <Button
                variant="default"
                onClick={toggleFilters}
                aria-expanded={filtersOpen}
                aria-controls="partner-filters"
                data-testid="partner-filters-toggle"
              >
                {t("partners.filters.toggle", { n: activeFilters })}
              </Button>
            )}
            {!phone && filterFields}
          </Group>
          {phone && (
            <Collapse in={filtersOpen} id="partner-filters">
              <Stack gap="sm" mt="sm">
                {filterFields}
              </Stack>
            </Collapse>
          )}
        </Paper>

        {partners.isPending ? (
          <PageLoader />
        ) : partners.isError ? (
          <QueryError error={partners.error} onRetry={() => void partners.refetch()} />
        ) : total === 0 && !filtered ? (
          <PartnersEmptyState onCreate={canEdit ? open : undefined} />
        ) : total === 0 ? (
          <Paper withBorder p="lg" data-testid="partners-no-matches">
            <Group justify="space-between">
              <Text>{t("partners.noMatches")}</Text>
              <Button variant="default" onClick={() => clear(FILTER_KEYS)}>
                {t("common.clearFilters")}
              </Button>
            </Group>
          </Paper>
        ) : (
          <Paper withBorder>
            <PartnersTable partners={partners.data.items} />
            <ListFooter page={page} pageSize={PAGE_SIZE} total={total} onPage={(p) => update({ page: p > 1 ? String(p) : null })} />
          </Paper>
        )}
      </Stack>
      <NewPartnerModal opened={opened} onClose={close} />
    </>
  );
}
