import { Button, Group, List, Modal, Paper, Stack, Switch, Text, TextInput, ThemeIcon, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { SearchSelect } from "../../components/SearchSelect";
import { isEditor } from "../../lib/constants";
import { useCurrentSession } from "../auth/session";
import { IconFile } from "../evidence/icons";
import { ListFooter } from "../evidence/ListFooter";
import { useUrlFilters } from "../evidence/useUrlFilters";
import { PageLoader } from "../shell/AppLayout";
import { PROCEDURE_STATUSES, useCreateProcedure, useProcedures } from "./api";
import { ProcedureForm } from "./ProcedureForm";
import { ProceduresTable } from "./ProceduresTable";

const PAGE_SIZE = 20;

function EmptyState({ onCreate }: { onCreate?: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" data-testid="procedures-empty">
      <Stack align="center" ta="center" gap="sm" maw={600} mx="auto">
        <ThemeIcon size={48} radius="xl" variant="light">
          <IconFile size={26} />
        </ThemeIcon>
        <Title order={2} size="h3">
          {t("procedures.empty.title")}
        </Title>
        <Text c="dimmed">{t("procedures.empty.body")}</Text>
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
      </Stack>
    </Paper>
  );
}

/** Security procedures (SOPs): versions, approvals and review dates. */
export default function ProceduresPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const { params, q, setQ, update, page, clear } = useUrlFilters();
  const [opened, { open, close }] = useDisclosure(params.get("new") === "1" && canEdit);
  const create = useCreateProcedure();

  const status = params.get("status");
  const reviewDue = params.get("reviewDue") === "1";
  const criterionId = params.get("criterionId");
  const list = useProcedures({
    q: params.get("q") ?? "",
    status,
    reviewDue,
    criterionId,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const filtered = !!(params.get("q") || status || reviewDue || criterionId);
  const total = list.data?.total ?? 0;
  const closeModal = () => {
    create.reset();
    close();
  };

  return (
    <>
      <PageHeader
        title={t("procedures.title")}
        description={t("procedures.description")}
        actions={
          canEdit ? (
            <Button onClick={open} data-testid="procedure-new">
              {t("procedures.new")}
            </Button>
          ) : null
        }
      />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <TextInput
              type="search"
              label={t("common.search")}
              placeholder={t("procedures.searchPlaceholder")}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={{ base: "100%", xs: 260 }}
              data-testid="procedure-search"
            />
            <SearchSelect
              label={t("procedures.fields.status")}
              placeholder={t("procedures.allStatuses")}
              data={PROCEDURE_STATUSES.map((s) => ({ value: s, label: t(`procedures.statuses.${s}`) }))}
              value={status}
              onChange={(v) => update({ status: v })}
              clearable
              w={{ base: "100%", xs: 200 }}
              data-testid="procedure-status-filter"
            />
            <Switch
              label={t("procedures.reviewDueFilter")}
              checked={reviewDue}
              onChange={(e) => update({ reviewDue: e.currentTarget.checked ? "1" : null })}
              mb={8}
              data-testid="procedure-review-due"
            />
          </Group>
          {criterionId && (
            <Text size="sm" mt="xs">
              {t("procedures.filteredByCriterion", { id: criterionId })}{" "}
              <Button variant="subtle" size="compact-xs" onClick={() => update({ criterionId: null })}>
                {t("common.clearFilters")}
              </Button>
            </Text>
          )}
        </Paper>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : total === 0 && !filtered ? (
          <EmptyState onCreate={canEdit ? open : undefined} />
        ) : total === 0 ? (
          <Paper withBorder p="lg">
            <Group justify="space-between">
              <Text>{t("procedures.noMatches")}</Text>
              <Button variant="default" onClick={() => clear(["status", "reviewDue", "criterionId"])}>
                {t("common.clearFilters")}
              </Button>
            </Group>
          </Paper>
        ) : (
          <Paper withBorder>
            <ProceduresTable items={list.data.items} />
            <ListFooter page={page} pageSize={PAGE_SIZE} total={total} onPage={(p) => update({ page: p > 1 ? String(p) : null })} />
          </Paper>
        )}
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
