import { Button, List, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { IconFile } from "../../components/icons";
import { FilterBar, FilterSelect, FilterSwitch, SearchBox } from "../../components/ListFilters";
import { PagedListResults } from "../../components/ListResults";
import { PageHeader } from "../../components/PageHeader";
import { isEditor } from "../../lib/constants";
import { useUrlFilters } from "../../lib/useUrlFilters";
import { useCurrentSession } from "../auth/session";
import { PROCEDURE_STATUSES, useCreateProcedure, useProcedures } from "./api";
import { ProcedureForm } from "./ProcedureForm";
import { ProceduresTable } from "./ProceduresTable";

const PAGE_SIZE = 20;

function ProceduresEmptyState({ onCreate }: { onCreate?: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconFile size={26} />}
      title={t("procedures.empty.title")}
      body={t("procedures.empty.body")}
      maw={600}
      data-testid="procedures-empty"
    >
      <List size="sm" c="dimmed" ta="left" spacing={4}>
        <List.Item>{t("procedures.empty.example1")}</List.Item>
        <List.Item>{t("procedures.empty.example2")}</List.Item>
        <List.Item>{t("procedures.empty.example3")}</List.Item>
      </List>
      {onCreate ? (
        <Button onClick={onCreate} data-testid="procedure-empty-create">
          {t("procedures.empty.cta")}
        </Button>
      ) : (
        <Text size="sm">{t("procedures.empty.askEditor")}</Text>
      )}
    </EmptyState>
  );
}

/** Security procedures (SOPs): versions, approvals and review dates. */
export default function ProceduresPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const filters = useUrlFilters(["q", "status", "reviewDue", "criterionId"]);
  const { values, page } = filters;
  const [opened, { open, close }] = useDisclosure(filters.params.get("new") === "1" && canEdit);
  const create = useCreateProcedure();

  const list = useProcedures({
    q: values.q ?? "",
    status: values.status,
    reviewDue: values.reviewDue === "1",
    criterionId: values.criterionId,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const closeModal = () => {
    create.reset();
    close();
  };
  const newButton = canEdit ? (
    <Button onClick={open} data-testid="procedure-new">
      {t("procedures.new")}
    </Button>
  ) : null;
  const criterionNote = values.criterionId && (
    <Text size="sm" mt="xs">
      {t("procedures.filteredByCriterion", { id: values.criterionId })}{" "}
      <Button variant="subtle" size="compact-xs" onClick={() => filters.update({ criterionId: null })}>
        {t("common.clearFilters")}
      </Button>
    </Text>
  );

  return (
    <>
      <PageHeader title={t("procedures.title")} description={t("procedures.description")} actions={newButton} />
      <Stack>
        <FilterBar footer={criterionNote}>
          <SearchBox
            placeholder={t("procedures.searchPlaceholder")}
            value={filters.q}
            onChange={filters.setQ}
            data-testid="procedure-search"
          />
          <FilterSelect
            label={t("procedures.fields.status")}
            placeholder={t("procedures.allStatuses")}
            options={PROCEDURE_STATUSES}
            labelPrefix="procedures.statuses"
            width={200}
            {...filters.bindSelect("status")}
            data-testid="procedure-status-filter"
          />
          <FilterSwitch label={t("procedures.reviewDueFilter")} {...filters.bindSwitch("reviewDue")} data-testid="procedure-review-due" />
        </FilterBar>
        <PagedListResults
          query={list}
          filters={filters}
          pageSize={PAGE_SIZE}
          empty={<ProceduresEmptyState onCreate={canEdit ? open : undefined} />}
          noMatches={t("procedures.noMatches")}
        >
          {(items) => <ProceduresTable items={items} />}
        </PagedListResults>
      </Stack>
      <Modal opened={opened} onClose={closeModal} title={t("procedures.newTitle")} size="xl" closeOnClickOutside={false}>
        {opened && (
          <ProcedureForm
            procedure={null}
            submitting={create.isPending}
            error={create.error}
            onCancel={closeModal}
            onSubmit={(body) =>
              create.mutate(body, {
                onSuccess: (p) => {
                  notifications.show({ color: "green", message: t("procedures.created", { code: p.code }) });
                  closeModal();
                  navigate(`/procedures/${p.id}`);
                },
              })
            }
          />
        )}
      </Modal>
    </>
  );
}
