import { Anchor, Button, Progress, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { IconFile } from "../../components/icons";
import { FilterBar, FilterSelect } from "../../components/ListFilters";
import { PagedListResults } from "../../components/ListResults";
import { LinkRow, ListTable } from "../../components/ListTable";
import { PageHeader } from "../../components/PageHeader";
import { isEditor } from "../../lib/constants";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useUrlFilters } from "../../lib/useUrlFilters";
import { useCurrentSession } from "../auth/session";
import { QUESTIONNAIRE_STATUSES, type QuestionnaireSummary, useQuestionnaires } from "./api";
import { QuestionnaireStatusBadge, ScoreBadge } from "./bits";
import { NewQuestionnaireModal } from "./NewQuestionnaireModal";
import { PartnerPicker } from "./PartnerPicker";

const PAGE_SIZE = 25;
const CLOSED: readonly string[] = ["submitted", "accepted", "cancelled"];

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function DueCell({ q }: { q: QuestionnaireSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!q.dueOn) return <Text c="dimmed">—</Text>;
  const overdue = !CLOSED.includes(q.status) && q.dueOn < todayIso();
  return (
    <Stack gap={0}>
      <Text size="sm" c={overdue ? "red.7" : undefined} fw={overdue ? 600 : undefined}>
        {formatDate(q.dueOn, lang)}
      </Text>
      {overdue && (
        <Text size="xs" c="red.7">
          {t("questionnaires.overdue")}
        </Text>
      )}
    </Stack>
  );
}

function QuestionnairesTable({ items }: { items: QuestionnaireSummary[] }) {
  const { t } = useTranslation();
  const columns = ["partner", "status", "dueOn", "progress", "score"].map((f) => t(`questionnaires.fields.${f}`));
  return (
    <ListTable columns={columns} minWidth={720} data-testid="questionnaires-table">
      {items.map((q) => {
        const pct = q.progress.total > 0 ? Math.round((q.progress.answered / q.progress.total) * 100) : 0;
        return (
          <LinkRow key={q.id} to={`/questionnaires/${q.id}`} data-testid="questionnaire-row" data-id={q.id} data-status={q.status}>
            <Table.Td>
              <Stack gap={0}>
                <Anchor component={Link} to={`/questionnaires/${q.id}`} fw={500} data-testid="questionnaire-link">
                  {q.partner.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t("questionnaires.langAndRound", { lang: t(`questionnaires.langs.${q.lang}`), round: q.round })}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <QuestionnaireStatusBadge status={q.status} />
            </Table.Td>
            <Table.Td>
              <DueCell q={q} />
            </Table.Td>
            <Table.Td miw={140}>
              <Stack gap={2}>
                <Progress value={pct} size="sm" aria-label={t("questionnaires.fields.progress")} />
                <Text size="xs" c="dimmed">
                  {t("questionnaires.answeredOf", { answered: q.progress.answered, total: q.progress.total })}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <ScoreBadge score={q.score} />
            </Table.Td>
          </LinkRow>
        );
      })}
    </ListTable>
  );
}

function QuestionnairesEmptyState({ onCreate }: { onCreate?: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconFile size={26} />}
      title={t("questionnaires.empty.title")}
      body={t("questionnaires.empty.body")}
      data-testid="questionnaires-empty"
    >
      {onCreate && (
        <Button onClick={onCreate} data-testid="questionnaire-empty-create">
          {t("questionnaires.new")}
        </Button>
      )}
    </EmptyState>
  );
}

/** Security questionnaires sent to business partners: who answered, what is waiting for review, the scores. */
export default function QuestionnairesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const filters = useUrlFilters(["partnerId", "status"]);
  const { values, page } = filters;
  const [opened, { open, close }] = useDisclosure(filters.params.get("new") === "1" && canEdit);
  const list = useQuestionnaires({ ...values, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const newButton = canEdit ? (
    <Button onClick={open} data-testid="questionnaire-new">
      {t("questionnaires.new")}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t("questionnaires.title")} description={t("questionnaires.description")} actions={newButton} />
      <Stack>
        <FilterBar>
          <PartnerPicker
            label={t("questionnaires.fields.partner")}
            placeholder={t("questionnaires.allPartners")}
            clearable
            {...filters.bindSelect("partnerId")}
            w={{ base: "100%", xs: 300 }}
            data-testid="questionnaire-partner-filter"
          />
          <FilterSelect
            label={t("questionnaires.fields.status")}
            placeholder={t("questionnaires.allStatuses")}
            options={QUESTIONNAIRE_STATUSES}
            labelPrefix="questionnaires.statuses"
            width={220}
            {...filters.bindSelect("status")}
            data-testid="questionnaire-status-filter"
          />
        </FilterBar>
        <PagedListResults
          query={list}
          filters={filters}
          pageSize={PAGE_SIZE}
          empty={<QuestionnairesEmptyState onCreate={canEdit ? open : undefined} />}
          noMatches={t("questionnaires.noMatches")}
        >
          {(items) => <QuestionnairesTable items={items} />}
        </PagedListResults>
      </Stack>
      <NewQuestionnaireModal
        opened={opened}
        onClose={close}
        initialPartnerId={values.partnerId}
        onCreated={(q) => {
          notifications.show({ color: "green", message: t("questionnaires.created", { partner: q.partner.name }) });
          close();
          navigate(`/questionnaires/${q.id}`);
        }}
      />
    </>
  );
}
