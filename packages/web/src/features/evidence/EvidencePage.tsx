import { Button, CloseButton, Group, Paper, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { SearchSelect } from "../../components/SearchSelect";
import { isEditor } from "../../lib/constants";
import { useCurrentSession } from "../auth/session";
import { PageLoader } from "../shell/AppLayout";
import { EVIDENCE_CATEGORIES, EVIDENCE_STATUSES, useEvidenceList } from "./api";
import { EvidenceEmptyState } from "./EvidenceEmptyState";
import { EvidenceTable } from "./EvidenceTable";
import { IconUpload } from "./icons";
import { ListFooter } from "./ListFooter";
import { UploadEvidenceModal } from "./UploadEvidenceModal";
import { useUrlFilters } from "./useUrlFilters";

const PAGE_SIZE = 20;

/** The evidence vault: every file that backs the security profile, with its expiry status. */
export default function EvidencePage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const { params, q, setQ, update, page, clear } = useUrlFilters();
  const [opened, { open, close }] = useDisclosure(params.get("new") === "1" && canEdit);

  const category = params.get("category");
  const status = params.get("status");
  const criterionId = params.get("criterionId");
  const archived = params.get("archived") === "1";

  const list = useEvidenceList({
    q: params.get("q") ?? "",
    category,
    status,
    criterionId,
    archived,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const filtered = !!(params.get("q") || category || status || criterionId || archived);
  const total = list.data?.total ?? 0;
  const uploadButton = canEdit ? (
    <Button onClick={open} leftSection={<IconUpload />} data-testid="evidence-new">
      {t("evidence.upload.open")}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t("evidence.title")} description={t("evidence.description")} actions={uploadButton} />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <TextInput
              type="search"
              label={t("common.search")}
              placeholder={t("evidence.searchPlaceholder")}
              name="q"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={{ base: "100%", xs: 260 }}
              data-testid="evidence-search"
            />
            <SearchSelect
              label={t("evidence.fields.category")}
              placeholder={t("evidence.allCategories")}
              data={EVIDENCE_CATEGORIES.map((c) => ({ value: c, label: t(`evidence.categories.${c}`) }))}
              value={category}
              onChange={(v) => update({ category: v })}
              clearable
              w={{ base: "100%", xs: 200 }}
              data-testid="evidence-category-filter"
            />
            <SearchSelect
              label={t("evidence.fields.status")}
              placeholder={t("evidence.allStatuses")}
              data={EVIDENCE_STATUSES.map((s) => ({ value: s, label: t(`evidence.statuses.${s}`) }))}
              value={status}
              onChange={(v) => update({ status: v })}
              clearable
              w={{ base: "100%", xs: 200 }}
              data-testid="evidence-status-filter"
            />
            <Switch
              label={t("evidence.showArchived")}
              checked={archived}
              onChange={(e) => update({ archived: e.currentTarget.checked ? "1" : null })}
              mb={8}
              data-testid="evidence-show-archived"
            />
          </Group>
          {criterionId && (
            <Group gap={4} mt="xs">
              <Text size="sm">{t("evidence.filteredByCriterion", { id: criterionId })}</Text>
              <CloseButton size="sm" aria-label={t("evidence.clearCriterion")} onClick={() => update({ criterionId: null })} />
            </Group>
          )}
        </Paper>

        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : total === 0 && !filtered ? (
          <EvidenceEmptyState onUpload={canEdit ? open : undefined} />
        ) : total === 0 ? (
          <Paper withBorder p="lg">
            <Group justify="space-between">
              <Text>{t("evidence.noMatches")}</Text>
              <Button variant="default" onClick={() => clear(["category", "status", "criterionId", "archived"])}>
                {t("common.clearFilters")}
              </Button>
            </Group>
          </Paper>
        ) : (
          <Paper withBorder>
            <EvidenceTable items={list.data.items} />
            <ListFooter page={page} pageSize={PAGE_SIZE} total={total} onPage={(p) => update({ page: p > 1 ? String(p) : null })} />
          </Paper>
        )}
      </Stack>
      <UploadEvidenceModal opened={opened} onClose={close} criterionId={criterionId ?? undefined} />
    </>
  );
}
