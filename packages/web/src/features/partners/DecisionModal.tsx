import { Alert, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import { FormActions } from "../../components/FormParts";
import { type MatchDecision, type ScreeningMatch, useDecideMatch } from "./screening.api";

interface Props {
  target: { match: ScreeningMatch; decision: MatchDecision } | null;
  onClose: () => void;
}

/** Decide a match with a note: a false positive, or confirmed (an approved partner is then suspended). */
export function DecisionModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const decide = useDecideMatch();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    decide.reset();
    setNote("");
    setError(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    if (!note.trim()) {
      setError(t("validation.required"));
      return;
    }
    decide.mutate(
      { id: target.match.id, decision: target.decision, note: note.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t(`screening.decision.done.${target.decision}`) });
          close();
        },
      },
    );
  };
  const confirming = target?.decision === "confirmed";
  return (
    <Modal opened={!!target} onClose={close} title={target ? t(`screening.decision.title.${target.decision}`) : ""}>
      {target && (
        <form onSubmit={submit} noValidate data-testid="screening-decision-form">
          <Stack>
            <Text size="sm">{t("screening.decision.body", { partner: target.match.partner.name, entry: target.match.entry.name })}</Text>
            {confirming && (
              <Alert color="red">
                {target.match.partner.status === "approved" ? t("screening.decision.suspends") : t("screening.decision.confirmNote")}
              </Alert>
            )}
            <Textarea
              label={t("screening.decision.note")}
              description={t(`screening.decision.noteHint.${target.decision}`)}
              required
              autosize
              minRows={3}
              maxLength={2000}
              value={note}
              error={error}
              onChange={(e) => {
                setNote(e.currentTarget.value);
                setError(null);
              }}
              data-autofocus
              data-testid="screening-decision-note"
            />
            {decide.error ? (
              <Alert color="red" role="alert">
                {errorMessage(t, decide.error)}
              </Alert>
            ) : null}
            <FormActions
              onCancel={close}
              submitLabel={t(`screening.decision.submit.${target.decision}`)}
              loading={decide.isPending}
              testId="screening-decision-submit"
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
