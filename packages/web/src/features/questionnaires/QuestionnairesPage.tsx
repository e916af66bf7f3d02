import { Anchor, Button, Group, Paper, Progress, Stack, Table, Text, ThemeIcon, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { SearchSelect } from "../../components/SearchSelect";
import { isEditor } from "../../lib/constants";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { IconFile } from "../evidence/icons";
import { ListFooter } from "../evidence/ListFooter";
import { useUrlFilters } from "../evidence/useUrlFilters";
import { PageLoader } from "../shell/AppLayout";
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
  const navigate = useNavigate();
  const onRowClick = (e: MouseEvent, id: string) => {
    if ((e.target as HTMLElement).closest("a,button")) return;
    navigate(`/questionnaires/${id}`);
  };
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="questionnaires-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("questionnaires.fields.partner")}</Table.Th>
            <Table.Th>{t("questionnaires.fields.status")}</Table.Th>
            <Table.Th>{t("questionnaires.fields.dueOn")}</Table.Th>
            <Table.Th>{t("questionnaires.fields.progress")}</Table.Th>
            <Table.Th>{t("questionnaires.fields.score")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((q) => {
            const pct = q.progress.total > 0 ? Math.round((q.progress.answered / q.progress.total) * 100) : 0;
            return (
              <Table.Tr
                key={q.id}
                className="clickable-row"
                data-testid="questionnaire-row"
                data-id={q.id}
                data-status={q.status}
                onClick={(e) => onRowClick(e, q.id)}
              >
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
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EmptyState({ onCreate }: { onCreate?: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" data-testid="questionnaires-empty">
      <Stack align="center" ta="center" gap="sm" maw={560} mx="auto">
        <ThemeIcon size={48} radius="xl" variant="light">
          <IconFile size={26} />
        </ThemeIcon>
        <Title order={2} size="h3">
          {t("questionnaires.empty.title")}
        </Title>
        <Text c="dimmed">{t("questionnaires.empty.body")}</Text>
        {onCreate && (
          <Button onClick={onCreate} data-testid="questionnaire-empty-create">
            {t("questionnaires.new")}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** Security questionnaires sent to business partners: who answered, what is waiting for review, the scores. */
export default function QuestionnairesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const { params, update, page, clear } = useUrlFilters();
  const [opened, { open, close }] = useDisclosure(params.get("new") === "1" && canEdit);
  const partnerId = params.get("partnerId");
  const status = params.get("status");
  const list = useQuestionnaires({ partnerId, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const filtered = !!(partnerId || status);
  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t("questionnaires.title")}
        description={t("questionnaires.description")}
        actions={
          canEdit ? (
            <Button onClick={open} data-testid="questionnaire-new">
              {t("questionnaires.new")}
            </Button>
          ) : null
        }
      />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <PartnerPicker
              label={t("questionnaires.fields.partner")}
              placeholder={t("questionnaires.allPartners")}
              clearable
              value={partnerId}
              onChange={(id) => update({ partnerId: id })}
              w={{ base: "100%", xs: 300 }}
              data-testid="questionnaire-partner-filter"
            />
            <SearchSelect
              label={t("questionnaires.fields.status")}
              placeholder={t("questionnaires.allStatuses")}
              data={QUESTIONNAIRE_STATUSES.map((s) => ({ value: s, label: t(`questionnaires.statuses.${s}`) }))}
              value={status}
              onChange={(v) => update({ status: v })}
              clearable
              w={{ base: "100%", xs: 220 }}
              data-testid="questionnaire-status-filter"
            />
          </Group>
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
              <Text>{t("questionnaires.noMatches")}</Text>
              <Button variant="default" onClick={() => clear(["partnerId", "status"])}>
                {t("common.clearFilters")}
              </Button>
            </Group>
          </Paper>
        ) : (
          <Paper withBorder>
            <QuestionnairesTable items={list.data.items} />
            <ListFooter page={page} pageSize={PAGE_SIZE} total={total} onPage={(p) => update({ page: p > 1 ? String(p) : null })} />
          </Paper>
        )}
      </Stack>
      <NewQuestionnaireModal
        opened={opened}
        onClose={close}
        initialPartnerId={partnerId}
        onCreated={(q) => {
          notifications.show({ color: "green", message: t("questionnaires.created", { partner: q.partner.name }) });
          close();
          navigate(`/questionnaires/${q.id}`);
        }}
      />
    </>
  );
}
