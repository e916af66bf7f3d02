import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { LevelBadge } from "../criteria/badges";
import type { ReviewerItem } from "./api";
import { AnswerBadge, EvidenceList } from "./bits";

/** A reviewer's pending decision on one item. */
export interface Decision {
  decision: "accept" | "change" | null;
  comment: string;
}

interface Props {
  item: ReviewerItem;
  /** The comment that sent this item back in the previous round, if it was. */
  sentBack: string | null;
  /** Present while the reviewer decides (submitted questionnaire, edit role, item of the current round). */
  decision?: Decision;
  onDecision?: (d: Decision) => void;
  commentError?: string | null;
}

/** One criterion: the requirement, the partner's answer, comment and files, and the review of it. */
export function ReviewItemCard({ item, sentBack, decision, onDecision, commentError }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const deciding = !!decision && !!onDecision;
  const commentId = `review-comment-${item.criterionId}`;
  const border =
    decision?.decision === "change" || (!deciding && item.review === "change_requested")
      ? "var(--mantine-color-orange-5)"
      : decision?.decision === "accept"
        ? "var(--mantine-color-teal-5)"
        : undefined;

  return (
    <Paper
      withBorder
      p="md"
      style={border ? { borderColor: border, borderWidth: 2 } : undefined}
      data-testid="review-item"
      data-criterion-id={item.criterionId}
      data-round={item.round}
      data-review={item.review ?? "none"}
      data-decision={decision?.decision ?? "none"}
    >
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            <Text fw={700} ff="monospace">
              {item.criterionId}
            </Text>
            <LevelBadge level={item.level} size="sm" />
            {item.round > 1 && (
              <Badge size="sm" variant="outline" color="gray">
                {t("questionnaires.roundN", { round: item.round })}
              </Badge>
            )}
          </Group>
          <AnswerBadge answer={item.answer} />
        </Group>
        <Text size="sm">{item.requirement}</Text>
        {item.comment && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }} data-testid="review-item-comment">
            <Text span fw={600} c="dimmed">
              {t("questionnaires.partnerComment")}:
            </Text>{" "}
            {item.comment}
          </Text>
        )}
        <EvidenceList evidence={item.evidence} linked />
        {sentBack && (
          <Text size="xs" c="orange.8">
            {t("questionnaires.sentBackWith", { comment: sentBack })}
          </Text>
        )}
        {!deciding && item.review && (
          <Alert
            variant="light"
            color={item.review === "accepted" ? "teal" : "orange"}
            p="xs"
            title={item.review === "accepted" ? t("questionnaires.review.accepted") : t("questionnaires.review.changeRequested")}
          >
            {item.reviewComment && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {item.reviewComment}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t("questionnaires.review.by", {
                name: item.reviewedBy?.displayName ?? t("evidence.unknownPerson"),
                date: formatDateTime(item.reviewedAt, lang),
              })}
            </Text>
          </Alert>
        )}
        {deciding && (
          <Stack gap="xs">
            <Group gap="xs" role="group" aria-label={t("questionnaires.review.decisionFor", { id: item.criterionId })}>
              <Button
                size="xs"
                color="teal"
                variant={decision.decision === "accept" ? "filled" : "default"}
                aria-pressed={decision.decision === "accept"}
                onClick={() => onDecision({ ...decision, decision: "accept" })}
                data-testid="review-accept"
              >
                {t("questionnaires.review.accept")}
              </Button>
              <Button
                size="xs"
                color="orange"
                variant={decision.decision === "change" ? "filled" : "default"}
                aria-pressed={decision.decision === "change"}
                onClick={() => onDecision({ ...decision, decision: "change" })}
                data-testid="review-change"
              >
                {t("questionnaires.review.requestChange")}
              </Button>
            </Group>
            {decision.decision === "change" && (
              <Textarea
                id={commentId}
                label={t("questionnaires.review.commentLabel")}
                description={t("questionnaires.review.commentHint")}
                required
                autosize
                minRows={2}
                maxLength={2000}
                value={decision.comment}
                error={commentError}
                onChange={(e) => onDecision({ ...decision, comment: e.currentTarget.value })}
                data-testid="review-comment"
              />
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
