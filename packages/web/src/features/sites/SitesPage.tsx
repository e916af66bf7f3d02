import { Button, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { FilterBar, FilterSelect, FilterSwitch, SearchBox } from "../../components/ListFilters";
import { PagedListResults } from "../../components/ListResults";
import { PageHeader } from "../../components/PageHeader";
import { isEditor, SITE_KINDS } from "../../lib/constants";
import { useUrlFilters } from "../../lib/useUrlFilters";
import { useCurrentSession } from "../auth/session";
import { useSites } from "./api";
import { SiteFormModal } from "./SiteFormModal";
import { SitesEmptyState } from "./SitesEmptyState";
import { SitesTable } from "./SitesTable";

const PAGE_SIZE = 20;

/** The company's facilities: search, kind and archived filters, and a "new site" dialog. */
export default function SitesPage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const filters = useUrlFilters(["q", "kind", "archived"]);
  const { values, page } = filters;
  const [opened, { open, close }] = useDisclosure(filters.params.get("new") === "1" && canEdit);

  const sites = useSites({
    q: values.q ?? "",
    kind: values.kind,
    includeArchived: values.archived === "1",
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const newButton = canEdit ? (
    <Button onClick={open} data-testid="site-new">
      {t("sites.new")}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t("sites.title")} description={t("sites.description")} actions={newButton} />
      <Stack>
        <FilterBar>
          <SearchBox placeholder={t("sites.searchPlaceholder")} value={filters.q} onChange={filters.setQ} data-testid="site-search" />
          <FilterSelect
            label={t("sites.fields.kind")}
            placeholder={t("sites.allKinds")}
            options={SITE_KINDS}
            labelPrefix="siteKinds"
            width={220}
            {...filters.bindSelect("kind")}
            data-testid="site-kind-filter"
          />
          <FilterSwitch label={t("sites.showArchived")} {...filters.bindSwitch("archived")} data-testid="site-show-archived" />
        </FilterBar>
        <PagedListResults
          query={sites}
          filters={filters}
          pageSize={PAGE_SIZE}
          empty={<SitesEmptyState onCreate={canEdit ? open : undefined} />}
          noMatches={t("sites.noMatches")}
        >
          {(items) => <SitesTable sites={items} />}
        </PagedListResults>
      </Stack>
      <SiteFormModal opened={opened} onClose={close} />
    </>
  );
}
