import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea } from "@mantine/core";
import { memo, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { LevelBadge } from "../criteria/badges";
import { ANSWERS, type Answer } from "../questionnaires/api";
import { AnswerBadge } from "../questionnaires/bits";
import { type PartnerItem, saveAnswer } from "./api";
import { EvidenceAttach } from "./EvidenceAttach";
import { portalError } from "./messages";
import { type SaveState, useAutosave } from "./useAutosave";

// A choice is saved almost at once; typing waits for a pause.
const ANSWER_DELAY_MS = 250;
const COMMENT_DELAY_MS = 900;

interface Props {
  item: PartnerItem;
  company: string;
  /** Tells the page the answer on screen (for the progress bar) and the save state (for the indicator). */
  onAnswer: (criterionId: string, answer: Answer | null) => void;
  onState: (criterionId: string, state: SaveState, flush: () => Promise<boolean>) => void;
  onSaved: (item: PartnerItem) => void;
}

function SaveNote({ state, error, onRetry }: { state: SaveState; error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (state === "idle") return null;
  if (state === "error") {
    return (
      <Group gap="xs" role="alert">
        <Text size="xs" c="red.7" data-testid="portal-item-save" data-state="error">
          {t("portal.save.failed", { reason: portalError(t, error) })}
        </Text>
        <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
          {t("portal.save.retry")}
        </Button>
      </Group>
    );
  }
  return (
    <Text size="xs" c={state === "saved" ? "teal.8" : "dimmed"} data-testid="portal-item-save" data-state={state}>
      {state === "saved" ? `✓ ${t("portal.save.saved")}` : t("portal.save.saving")}
    </Text>
  );
}

/** One question: the requirement, the answer (saved as you go), a comment and files. Locked items only show. */
export const PartnerItemCard = memo(function PartnerItemCard({ item, company, onAnswer, onState, onSaved }: Props) {
  const { t } = useTranslation();
  const id = item.criterionId;
  const autosave = useAutosave({
    initial: { answer: item.answer, comment: item.comment ?? "" },
    save: (d) => saveAnswer(id, { answer: d.answer, comment: d.comment.trim() || null }),
    onSaved,
  });
  const { draft, state, flush } = autosave;

  useEffect(() => onState(id, state, flush), [id, state, flush, onState]);

  const sentBack = !!item.changeRequest && item.editable;
  return (
    <Paper
      withBorder
      p="md"
      id={`q-${id}`}
      tabIndex={-1}
      style={sentBack ? { borderColor: "var(--mantine-color-orange-5)", borderWidth: 2 } : undefined}
      data-testid="portal-item"
      data-criterion-id={id}
      data-editable={item.editable}
      data-change-requested={sentBack}
      data-answer={draft.answer ?? "none"}
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Text fw={700} ff="monospace">
            {id}
          </Text>
          <LevelBadge level={item.level} size="sm" />
          {!item.editable && <AnswerBadge answer={item.answer} size="sm" />}
        </Group>
        <Text id={`q-${id}-text`}>{item.requirement}</Text>
        {item.guidance && (
          <details>
            <summary>
              <Text span size="sm" c="blue.8">
                {t("portal.guidance")}
              </Text>
            </summary>
            <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              {item.guidance}
            </Text>
          </details>
        )}
        {sentBack && (
          <Alert color="orange" variant="light" title={t("portal.changeRequested", { company })} data-testid="portal-change-request">
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {item.changeRequest}
            </Text>
          </Alert>
        )}
        {item.editable ? (
          <>
            <Radio.Group
              label={t("portal.answerLabel")}
              value={draft.answer ?? ""}
              onChange={(v) => {
                const answer = v as Answer;
                onAnswer(id, answer);
                autosave.update({ answer }, ANSWER_DELAY_MS);
              }}
              aria-describedby={`q-${id}-text`}
              data-testid="portal-answer"
            >
              <Group gap="lg" mt={8} style={{ rowGap: "var(--mantine-spacing-sm)" }}>
                {ANSWERS.map((a) => (
                  <Radio key={a} size="md" value={a} label={t(`questionnaires.answers.${a}`)} data-testid={`portal-answer-${a}`} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              label={t("portal.commentLabel")}
              description={draft.answer === "partial" || draft.answer === "no" ? t("portal.commentHintGap") : undefined}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={4000}
              value={draft.comment}
              onChange={(e) => autosave.update({ comment: e.currentTarget.value }, COMMENT_DELAY_MS)}
              onBlur={() => void flush()}
              data-testid="portal-comment"
            />
          </>
        ) : (
          item.comment && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {item.comment}
            </Text>
          )
        )}
        <EvidenceAttach criterionId={id} evidence={item.evidence} editable={item.editable} onUploaded={onSaved} />
        {item.editable && <SaveNote state={state} error={autosave.error} onRetry={() => void flush()} />}
      </Stack>
    </Paper>
  );
});
