import { Alert, Button, Group, Modal, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import { groupByCategory, type QuestionnaireDetail, type ReviewerItem, useReviewQuestionnaire } from "./api";
import { categoryName } from "./bits";
import { type Decision, ReviewItemCard } from "./ReviewItemCard";

const EMPTY: Decision = { decision: null, comment: "" };

/** The comment each item of a later round was sent back with (from the round before). */
function sentBackComments(q: QuestionnaireDetail): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of q.items) {
    if (item.round <= 1) continue;
    const before = q.rounds.find((r) => r.round === item.round - 1)?.items.find((i) => i.criterionId === item.criterionId);
    if (before?.reviewComment) out.set(item.criterionId, before.reviewComment);
  }
  return out;
}

/**
 * Every item grouped by MSC category. While a submitted questionnaire waits for review, an editor decides each
 * item of the current round (accept, or request a change with a comment for the partner) and sends the review.
 */
export function ReviewPanel({ q, canEdit }: { q: QuestionnaireDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const review = useReviewQuestionnaire(q.id);
  const deciding = canEdit && q.status === "submitted";
  const current = useMemo(() => q.items.filter((i) => i.round === q.round), [q.items, q.round]);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [show, setShow] = useState<"round" | "all">(q.round > 1 ? "round" : "all");
  const [confirming, setConfirming] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const sentBack = useMemo(() => sentBackComments(q), [q]);

  const decisionOf = (id: string) => decisions[id] ?? EMPTY;
  const decided = current.filter((i) => decisionOf(i.criterionId).decision !== null).length;
  const changes = current.filter((i) => decisionOf(i.criterionId).decision === "change");
  const missingComment = changes.filter((i) => !decisionOf(i.criterionId).comment.trim());
  const ready = decided === current.length && missingComment.length === 0;

  const visible: ReviewerItem[] = deciding && show === "round" ? current : q.items;
  const groups = groupByCategory(visible);

  const acceptRest = () =>
    setDecisions((prev) => {
      const next = { ...prev };
      for (const i of current) if (!next[i.criterionId]?.decision) next[i.criterionId] = { decision: "accept", comment: "" };
      return next;
    });

  const trySubmit = () => {
    setShowErrors(true);
    if (ready) setConfirming(true);
  };

  const send = () =>
    review.mutate(
      current.map((i) => {
        const d = decisionOf(i.criterionId);
        return { criterionId: i.criterionId, decision: d.decision ?? "accept", comment: d.decision === "change" ? d.comment.trim() : null };
      }),
      {
        onSuccess: (after) => {
          setConfirming(false);
          setDecisions({});
          setShowErrors(false);
          notifications.show({
            color: "green",
            message:
              after.status === "accepted"
                ? t("questionnaires.review.doneAccepted", { score: after.score ?? "—" })
                : t("questionnaires.review.doneChanges", { count: changes.length }),
          });
        },
      },
    );

  return (
    <Stack gap="md" data-testid="review-panel">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">
          {deciding ? t("questionnaires.review.title", { round: q.round }) : t("questionnaires.itemsTitle")}
        </Title>
        {deciding && q.round > 1 && (
          <SegmentedControl
            size="xs"
            value={show}
            onChange={(v) => setShow(v as "round" | "all")}
            data={[
              { value: "round", label: t("questionnaires.review.showRound", { count: current.length }) },
              { value: "all", label: t("questionnaires.review.showAll", { count: q.items.length }) },
            ]}
            aria-label={t("questionnaires.review.showLabel")}
          />
        )}
      </Group>
      {q.items.length === 0 && <Text c="dimmed">{t("questionnaires.noItems")}</Text>}
      {groups.map((g) => (
        <Stack key={g.categoryId} gap="xs" component="section" aria-labelledby={`cat-${g.categoryId}`} data-testid="review-category">
          <Title order={3} size="h5" id={`cat-${g.categoryId}`}>
            {g.categoryId > 0 ? `${g.categoryId}. ` : ""}
            {categoryName(t, g.categoryId)}
          </Title>
          {g.items.map((item) => {
            const inRound = deciding && item.round === q.round;
            const d = decisionOf(item.criterionId);
            return (
              <ReviewItemCard
                key={item.criterionId}
                item={item}
                sentBack={sentBack.get(item.criterionId) ?? null}
                decision={inRound ? d : undefined}
                onDecision={inRound ? (next) => setDecisions((prev) => ({ ...prev, [item.criterionId]: next })) : undefined}
                commentError={
                  showErrors && d.decision === "change" && !d.comment.trim() ? t("questionnaires.review.commentRequired") : null
                }
              />
            );
          })}
        </Stack>
      ))}
      {deciding && (
        <Paper
          withBorder
          p="sm"
          shadow="sm"
          style={{ position: "sticky", bottom: 0, zIndex: 5, background: "var(--mantine-color-body)" }}
          data-testid="review-bar"
        >
          <Group justify="space-between" gap="sm">
            <Text size="sm" aria-live="polite" data-testid="review-tally">
              {t("questionnaires.review.tally", { decided, total: current.length, changes: changes.length })}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={acceptRest} disabled={decided === current.length} data-testid="review-accept-all">
                {t("questionnaires.review.acceptRest")}
              </Button>
              <Button onClick={trySubmit} data-testid="review-submit">
                {t("questionnaires.review.submit")}
              </Button>
            </Group>
          </Group>
          {showErrors && !ready && (
            <Text size="sm" c="red.7" mt="xs" role="alert">
              {decided < current.length
                ? t("questionnaires.review.undecided", { count: current.length - decided })
                : t("questionnaires.review.commentsMissing", { count: missingComment.length })}
            </Text>
          )}
        </Paper>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("questionnaires.review.confirmTitle")} centered>
        <Stack>
          <Text size="sm">
            {changes.length > 0
              ? t("questionnaires.review.confirmChanges", { count: changes.length })
              : t("questionnaires.review.confirmAccept")}
          </Text>
          {review.error && (
            <Alert color="red" role="alert">
              {errorMessage(t, review.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </Button>
            <Button data-autofocus loading={review.isPending} onClick={send} data-testid="review-confirm">
              {changes.length > 0 ? t("questionnaires.review.sendBack") : t("questionnaires.review.acceptAll")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
