import { Alert, Anchor, Group, Paper, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { BackLink, DetailFallback, DetailLayout } from "../../components/DetailLayout";
import { isEditor } from "../../lib/constants";
import { formatDate, formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { type QuestionnaireDetail, useQuestionnaire } from "./api";
import { QuestionnaireStatusBadge, ScoreBadge } from "./bits";
import { InvitationPanel } from "./InvitationPanel";
import { ReviewPanel } from "./ReviewPanel";
import { RoundsHistory } from "./RoundsHistory";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function Summary({ q }: { q: QuestionnaireDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pct = q.progress.total > 0 ? Math.round((q.progress.answered / q.progress.total) * 100) : 0;
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
        <Fact label={t("questionnaires.fields.partner")}>
          <Anchor component={Link} to={`/partners/${q.partner.id}`} size="sm">
            {q.partner.name}
          </Anchor>
        </Fact>
        <Fact label={t("questionnaires.fields.dueOn")}>
          <Text size="sm">{q.dueOn ? formatDate(q.dueOn, lang) : "—"}</Text>
        </Fact>
        <Fact label={t("questionnaires.fields.lang")}>
          <Text size="sm">{t(`questionnaires.langs.${q.lang}`)}</Text>
        </Fact>
        <Fact label={t("questionnaires.fields.progress")}>
          <Stack gap={2}>
            <Progress value={pct} size="sm" aria-label={t("questionnaires.fields.progress")} />
            <Text size="xs" c="dimmed" data-testid="questionnaire-progress">
              {t("questionnaires.answeredOf", { answered: q.progress.answered, total: q.progress.total })}
            </Text>
          </Stack>
        </Fact>
        <Fact label={t("questionnaires.fields.score")}>
          <ScoreBadge score={q.score} />
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}

/** What the reviewer should know about the questionnaire's state, in one sentence. */
function StateNote({ q }: { q: QuestionnaireDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (q.status === "accepted") {
    return (
      <Alert color="teal" title={t("questionnaires.acceptedTitle", { score: q.score ?? "—" })} data-testid="questionnaire-accepted">
        <Text size="sm">{t("questionnaires.acceptedBody", { date: formatDateTime(q.acceptedAt, lang) })}</Text>
        <Text size="xs" c="dimmed" mt={4}>
          {t("questionnaires.scoreRule")}
        </Text>
      </Alert>
    );
  }
  const key: Partial<Record<QuestionnaireDetail["status"], string>> = {
    draft: "questionnaires.notes.draft",
    sent: "questionnaires.notes.sent",
    in_progress: "questionnaires.notes.inProgress",
    submitted: "questionnaires.notes.submitted",
    changes_requested: "questionnaires.notes.changesRequested",
    cancelled: "questionnaires.notes.cancelled",
  };
  const k = key[q.status];
  return k ? (
    <Text size="sm" c="dimmed">
      {t(k, { round: q.round })}
    </Text>
  ) : null;
}

/** One questionnaire: its state, the invitation links, the rounds, and the review of every answer. */
export default function QuestionnaireDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const query = useQuestionnaire(id);

  const back = <BackLink to="/questionnaires">{t("questionnaires.backToList")}</BackLink>;
  if (query.isPending || query.isError) return <DetailFallback query={query} back={back} />;
  const q = query.data;
  return (
    <DetailLayout
      back={back}
      title={t("questionnaires.detailTitle", { partner: q.partner.name })}
      actions={
        <Group gap="xs">
          <QuestionnaireStatusBadge status={q.status} size="lg" />
          <Text size="sm" c="dimmed">
            {t("questionnaires.roundN", { round: q.round })}
          </Text>
        </Group>
      }
    >
      <StateNote q={q} />
      <Summary q={q} />
      <InvitationPanel q={q} canEdit={canEdit} />
      <RoundsHistory q={q} />
      <ReviewPanel key={`${q.status}-${q.round}`} q={q} canEdit={canEdit} />
    </DetailLayout>
  );
}
