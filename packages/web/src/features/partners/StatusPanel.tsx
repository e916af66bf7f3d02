import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import { type PartnerDetail, useMovePartner } from "./api";
import { PartnerStatusBadge } from "./badges";
import { APPROVER_ONLY_STATUSES, PARTNER_TRANSITIONS, type PartnerStatus } from "./domain";

interface Props {
  partner: PartnerDetail;
  canEdit: boolean;
  canApprove: boolean;
}

/**
 * Move the partner along its lifecycle with a reason. Only the next statuses the domain allows are offered;
 * approval, suspension and termination are shown to everyone but only approvers can pick them.
 */
export function StatusPanel({ partner, canEdit, canApprove }: Props) {
  const { t } = useTranslation();
  const move = useMovePartner(partner.id);
  const [to, setTo] = useState<PartnerStatus | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const next = PARTNER_TRANSITIONS[partner.status];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    if (!reason.trim()) {
      setReasonError(t("validation.required"));
      return;
    }
    move.mutate(
      { to, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("partners.statusMove.done", { status: t(`partners.status.${to}`) }) });
          setTo(null);
          setReason("");
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" data-testid="partner-status-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t("partners.statusMove.title")}
          </Title>
          <PartnerStatusBadge status={partner.status} size="lg" />
        </Group>
        {next.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("partners.statusMove.final")}
          </Text>
        ) : !canEdit ? (
          <Text size="sm" c="dimmed">
            {t("partners.statusMove.readOnly")}
          </Text>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Radio.Group
                label={t("partners.statusMove.to")}
                value={to}
                onChange={(v) => setTo(v as PartnerStatus)}
                data-testid="partner-status-to"
              >
                <Stack gap={6} mt={6}>
                  {next.map((s) => {
                    const locked = APPROVER_ONLY_STATUSES.includes(s) && !canApprove;
                    return (
                      <Radio
                        key={s}
                        value={s}
                        disabled={locked}
                        label={t(`partners.status.${s}`)}
                        description={locked ? t("partners.statusMove.approverOnly") : t(`partners.statusMove.hint.${s}`)}
                        data-testid={`partner-status-option-${s}`}
                      />
                    );
                  })}
                </Stack>
              </Radio.Group>
              <Textarea
                label={t("partners.statusMove.reason")}
                required
                autosize
                minRows={2}
                maxLength={1000}
                value={reason}
                error={reasonError}
                onChange={(e) => {
                  setReason(e.currentTarget.value);
                  setReasonError(null);
                }}
                data-testid="partner-status-reason"
              />
              {move.error ? (
                <Alert color="red" role="alert">
                  {errorMessage(t, move.error)}
                </Alert>
              ) : null}
              <Group justify="flex-end">
                <Button type="submit" disabled={!to} loading={move.isPending} data-testid="partner-status-submit">
                  {t("partners.statusMove.submit")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
