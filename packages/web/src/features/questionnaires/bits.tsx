import { Anchor, Badge, type BadgeProps, Group, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Answer, ItemEvidence, QuestionnaireStatus } from "./api";

const STATUS_COLOR: Record<QuestionnaireStatus, string> = {
  draft: "gray",
  sent: "blue",
  in_progress: "cyan",
  submitted: "violet",
  changes_requested: "orange",
  accepted: "teal",
  cancelled: "gray",
};

/** Where a questionnaire stands. */
export function QuestionnaireStatusBadge({ status, ...props }: { status: QuestionnaireStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status] ?? "gray"} variant="light" data-testid="questionnaire-status" data-status={status} {...props}>
      {t(`questionnaires.statuses.${status}`)}
    </Badge>
  );
}

const ANSWER_COLOR: Record<Answer, string> = { yes: "teal", partial: "yellow", no: "red", not_applicable: "gray" };

/** The partner's answer ("Yes", "Partially", ...), or "not answered". */
export function AnswerBadge({ answer, ...props }: { answer: Answer | null } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={answer ? ANSWER_COLOR[answer] : "gray"}
      variant={answer ? "light" : "outline"}
      data-testid="answer-badge"
      data-answer={answer ?? "none"}
      {...props}
    >
      {answer ? t(`questionnaires.answers.${answer}`) : t("questionnaires.notAnswered")}
    </Badge>
  );
}

/** The 0–100 score of an accepted questionnaire (higher = stronger security). */
export function ScoreBadge({ score, ...props }: { score: number | null } & BadgeProps) {
  const { t } = useTranslation();
  if (score === null) return <Text c="dimmed">—</Text>;
  const color = score >= 80 ? "teal" : score >= 50 ? "yellow" : "red";
  return (
    <Badge color={color} variant="filled" data-testid="questionnaire-score" data-score={score} {...props}>
      {t("questionnaires.scoreValue", { score })}
    </Badge>
  );
}

/** The translated name of a CBP category (1–12). */
export function categoryName(t: TFunction, id: number): string {
  return id >= 1 && id <= 12 ? t(`questionnaires.categories.c${id}`) : t("questionnaires.categories.other");
}

/** The files attached to an answer, each opening its evidence record in the vault. */
export function EvidenceList({ evidence, linked }: { evidence: ItemEvidence[]; linked: boolean }) {
  const { t } = useTranslation();
  if (evidence.length === 0) return null;
  return (
    <Group gap="xs" data-testid="item-evidence">
      <Text size="xs" c="dimmed">
        {t("questionnaires.evidence", { count: evidence.length })}
      </Text>
      {evidence.map((e) =>
        linked ? (
          <Anchor key={e.id} component={Link} to={`/evidence/${e.id}`} size="sm" data-testid="item-evidence-file">
            {e.filename}
          </Anchor>
        ) : (
          <Text key={e.id} size="sm" data-testid="item-evidence-file">
            {e.filename}
          </Text>
        ),
      )}
    </Group>
  );
}
