import { Alert, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import { FormActions } from "../../components/FormParts";
import type { PartnerCertification } from "./api";
import { useWaiveQuestionnaire } from "./records.api";

interface Props {
  partnerId: string;
  certification: PartnerCertification | null;
  onClose: () => void;
}

/**
 * Waive the security questionnaire on the strength of an active CTPAT or MRA certification: a documented decision
 * (the reason is kept with an audit event) and the certification is verified again later.
 */
export function WaiverModal({ partnerId, certification, onClose }: Props) {
  const { t } = useTranslation();
  const waive = useWaiveQuestionnaire(partnerId);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    waive.reset();
    setReason("");
    setError(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!certification) return;
    if (!reason.trim()) {
      setError(t("validation.required"));
      return;
    }
    waive.mutate(
      { certificationId: certification.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("partners.waiver.done") });
          close();
        },
      },
    );
  };
  return (
    <Modal opened={!!certification} onClose={close} title={t("partners.waiver.title")} size="lg">
      {certification && (
        <form onSubmit={submit} noValidate data-testid="partner-waiver-form">
          <Stack>
            <Text size="sm">{t("partners.waiver.body", { program: certification.programName })}</Text>
            <Textarea
              label={t("partners.waiver.reason")}
              required
              autosize
              minRows={3}
              maxLength={1000}
              value={reason}
              error={error}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(null);
              }}
              data-autofocus
              data-testid="partner-waiver-reason"
            />
            {waive.error ? (
              <Alert color="red" role="alert">
                {errorMessage(t, waive.error)}
              </Alert>
            ) : null}
            <FormActions
              onCancel={close}
              submitLabel={t("partners.waiver.submit")}
              loading={waive.isPending}
              testId="partner-waiver-submit"
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
