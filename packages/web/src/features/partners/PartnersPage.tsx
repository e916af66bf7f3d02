import { Button, Collapse, Stack } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CountrySelect } from "../../components/CountrySelect";
import { FilterBar, FilterSelect, FilterSwitch, SearchBox } from "../../components/ListFilters";
import { PagedListResults } from "../../components/ListResults";
import { PageHeader } from "../../components/PageHeader";
import { isEditor } from "../../lib/constants";
import { useUrlFilters } from "../../lib/useUrlFilters";
import { useCurrentSession } from "../auth/session";
import { usePartners } from "./api";
import { CERTIFIED_VALUES, PARTNER_STATUSES, PARTNER_TYPES, RISK_LEVELS } from "./domain";
import { NewPartnerModal } from "./NewPartnerModal";
import { PartnersEmptyState } from "./PartnersEmptyState";
import { PartnersTable } from "./PartnersTable";

const PAGE_SIZE = 25;
const FILTER_KEYS = ["type", "status", "country", "risk", "certified", "rescreenDue"] as const;

/** The business partner registry: search, filters, badges, and a "new partner" dialog. */
export default function PartnersPage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const filters = useUrlFilters(["q", ...FILTER_KEYS]);
  const { values, page } = filters;
  const [opened, { open, close }] = useDisclosure(filters.params.get("new") === "1" && canEdit);
  const phone = useMediaQuery("(max-width: 48em)");
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);

  const partners = usePartners({
    q: values.q ?? "",
    type: values.type,
    status: values.status,
    countryCode: values.country,
    risk: values.risk,
    certified: values.certified,
    rescreenDue: values.rescreenDue === "1",
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

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
  const activeFilters = FILTER_KEYS.filter((k) => values[k]).length;
  // On a phone the six filters would push the list below the fold: they fold away behind one button.
  const filterFields = (
    <>
      <FilterSelect
        label={t("partners.fields.type")}
        placeholder={t("partners.filters.all")}
        options={PARTNER_TYPES}
        labelPrefix="partners.type"
        width={200}
        {...filters.bindSelect("type")}
        data-testid="partner-type-filter"
      />
      <FilterSelect
        label={t("partners.fields.status")}
        placeholder={t("partners.filters.all")}
        options={PARTNER_STATUSES}
        labelPrefix="partners.status"
        width={160}
        {...filters.bindSelect("status")}
        data-testid="partner-status-filter"
      />
      <CountrySelect
        label={t("partners.fields.country")}
        placeholder={t("partners.filters.all")}
        {...filters.bindSelect("country")}
        clearable
        allowDeselect
        w={{ base: "100%", xs: 200 }}
        data-testid="partner-country-filter"
      />
      <FilterSelect
        label={t("partners.fields.risk")}
        placeholder={t("partners.filters.all")}
        options={RISK_LEVELS}
        labelPrefix="partners.risk"
        width={130}
        {...filters.bindSelect("risk")}
        data-testid="partner-risk-filter"
      />
      <FilterSelect
        label={t("partners.fields.certified")}
        placeholder={t("partners.filters.all")}
        options={CERTIFIED_VALUES}
        labelPrefix="partners.certified"
        width={170}
        {...filters.bindSelect("certified")}
        data-testid="partner-certified-filter"
      />
      <FilterSwitch
        label={t("partners.filters.rescreenDue")}
        {...filters.bindSwitch("rescreenDue")}
        data-testid="partner-rescreen-filter"
      />
    </>
  );
  const phoneFilters = phone && (
    <Collapse in={filtersOpen} id="partner-filters">
      <Stack gap="sm" mt="sm">
        {filterFields}
      </Stack>
    </Collapse>
  );

  return (
    <>
      <PageHeader title={t("partners.title")} description={t("partners.description")} actions={actions} />
      <Stack>
        <FilterBar footer={phoneFilters}>
          <SearchBox
            placeholder={t("partners.searchPlaceholder")}
            value={filters.q}
            onChange={filters.setQ}
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
        </FilterBar>
        <PagedListResults
          query={partners}
          filters={filters}
          pageSize={PAGE_SIZE}
          empty={<PartnersEmptyState onCreate={canEdit ? open : undefined} />}
          noMatches={t("partners.noMatches")}
          noMatchesTestId="partners-no-matches"
        >
          {(items) => <PartnersTable partners={items} />}
        </PagedListResults>
      </Stack>
      <NewPartnerModal opened={opened} onClose={close} />
    </>
  );
}
