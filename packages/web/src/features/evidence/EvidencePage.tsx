import { Button, CloseButton, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { IconUpload } from "../../components/icons";
import { FilterBar, FilterSelect, FilterSwitch, SearchBox } from "../../components/ListFilters";
import { PagedListResults } from "../../components/ListResults";
import { PageHeader } from "../../components/PageHeader";
import { isEditor } from "../../lib/constants";
import { useUrlFilters } from "../../lib/useUrlFilters";
import { useCurrentSession } from "../auth/session";
import { EVIDENCE_CATEGORIES, EVIDENCE_STATUSES, useEvidenceList } from "./api";
import { EvidenceEmptyState } from "./EvidenceEmptyState";
import { EvidenceTable } from "./EvidenceTable";
import { UploadEvidenceModal } from "./UploadEvidenceModal";
import { VaultCheckButton } from "./VaultCheck";

const PAGE_SIZE = 20;

/** The evidence vault: every file that backs the security profile, with its expiry status. */
export default function EvidencePage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const filters = useUrlFilters(["q", "category", "status", "criterionId", "archived"]);
  const { values, page } = filters;
  const [opened, { open, close }] = useDisclosure(filters.params.get("new") === "1" && canEdit);

  const list = useEvidenceList({
    q: values.q ?? "",
    category: values.category,
    status: values.status,
    criterionId: values.criterionId,
    archived: values.archived === "1",
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const actions = (
    <Group gap="xs">
      <VaultCheckButton />
      {canEdit && (
        <Button onClick={open} leftSection={<IconUpload />} data-testid="evidence-new">
          {t("evidence.upload.open")}
        </Button>
      )}
    </Group>
  );
  const criterionNote = values.criterionId && (
    <Group gap={4} mt="xs">
      <Text size="sm">{t("evidence.filteredByCriterion", { id: values.criterionId })}</Text>
      <CloseButton size="sm" aria-label={t("evidence.clearCriterion")} onClick={() => filters.update({ criterionId: null })} />
    </Group>
  );

  return (
    <>
      <PageHeader title={t("evidence.title")} description={t("evidence.description")} actions={actions} />
      <Stack>
        <FilterBar footer={criterionNote}>
          <SearchBox
            placeholder={t("evidence.searchPlaceholder")}
            value={filters.q}
            onChange={filters.setQ}
            data-testid="evidence-search"
          />
          <FilterSelect
            label={t("evidence.fields.category")}
            placeholder={t("evidence.allCategories")}
            options={EVIDENCE_CATEGORIES}
            labelPrefix="evidence.categories"
            width={200}
            {...filters.bindSelect("category")}
            data-testid="evidence-category-filter"
          />
          <FilterSelect
            label={t("evidence.fields.status")}
            placeholder={t("evidence.allStatuses")}
            options={EVIDENCE_STATUSES}
            labelPrefix="evidence.statuses"
            width={200}
            {...filters.bindSelect("status")}
            data-testid="evidence-status-filter"
          />
          <FilterSwitch label={t("evidence.showArchived")} {...filters.bindSwitch("archived")} data-testid="evidence-show-archived" />
        </FilterBar>
        <PagedListResults
          query={list}
          filters={filters}
          pageSize={PAGE_SIZE}
          empty={<EvidenceEmptyState onUpload={canEdit ? open : undefined} />}
          noMatches={t("evidence.noMatches")}
        >
          {(items) => <EvidenceTable items={items} />}
        </PagedListResults>
      </Stack>
      <UploadEvidenceModal opened={opened} onClose={close} criterionId={values.criterionId ?? undefined} />
    </>
  );
}
