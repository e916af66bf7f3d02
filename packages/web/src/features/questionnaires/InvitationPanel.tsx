import { Alert, Badge, Button, CopyButton, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, fieldErrors, formError } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormError } from "../../components/FormParts";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import {
  absoluteLink,
  INVITATION_DAYS,
  type InvitationCreated,
  type InvitationState,
  type QuestionnaireDetail,
  useCreateInvitation,
  useRevokeInvitations,
} from "./api";

const STATE_COLOR: Record<InvitationState, string> = { open: "blue", used: "teal", expired: "gray", revoked: "red" };
const SENDABLE: readonly string[] = ["draft", "sent", "in_progress", "changes_requested"];

/** The new link, once: after this dialog closes only its hash remains on the server. */
function CreatedLink({ created, onDone }: { created: InvitationCreated; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const link = absoluteLink(created.url);
  return (
    <Stack gap="xs" data-testid="invitation-created">
      <Alert color="yellow" title={t("questionnaires.invite.onceTitle")} role="alert">
        {t("questionnaires.invite.onceBody")}
      </Alert>
      <TextInput
        label={t("questionnaires.invite.link")}
        value={link}
        readOnly
        ff="monospace"
        onFocus={(e) => e.currentTarget.select()}
        data-testid="invitation-link"
      />
      <Text size="sm" data-testid="invitation-expires">
        {t("questionnaires.invite.expires", { date: formatDateTime(created.expiresAt, lang) })}
      </Text>
      <Group justify="space-between">
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button color={copied ? "teal" : "blue"} onClick={copy} data-testid="invitation-copy">
              {copied ? t("common.copied") : t("questionnaires.invite.copy")}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone} data-testid="invitation-done">
          {t("questionnaires.invite.done")}
        </Button>
      </Group>
    </Stack>
  );
}

function CreateLinkForm({ id, onCreated }: { id: string; onCreated: (c: InvitationCreated) => void }) {
  const { t } = useTranslation();
  const create = useCreateInvitation(id);
  const [email, setEmail] = useState("");
  const [days, setDays] = useState<number | string>(INVITATION_DAYS.default);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const d = Number(days);
    const errs: Record<string, string> = {};
    if (!Number.isInteger(d) || d < INVITATION_DAYS.min || d > INVITATION_DAYS.max) {
      errs.expiresInDays = t("questionnaires.invite.daysRange", { min: INVITATION_DAYS.min, max: INVITATION_DAYS.max });
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    create.mutate(
      { email: email.trim() || null, expiresInDays: d },
      {
        onSuccess: (c) => {
          setEmail("");
          onCreated(c);
        },
        onError: (err) => setErrors(fieldErrors(t, err, ["email", "expiresInDays"])),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormError message={formError(t, create.error, errors)} />
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            type="email"
            name="email"
            label={t("questionnaires.invite.email")}
            description={t("questionnaires.invite.emailHint")}
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            miw={220}
            data-testid="invitation-email"
          />
          <NumberInput
            name="expiresInDays"
            label={t("questionnaires.invite.days")}
            description={t("questionnaires.invite.daysHint")}
            min={INVITATION_DAYS.min}
            max={INVITATION_DAYS.max}
            allowDecimal={false}
            value={days}
            error={errors.expiresInDays}
            onChange={setDays}
            maw={200}
            data-testid="invitation-days"
          />
        </Group>
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="invitation-create">
            {t("questionnaires.invite.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Invitation links for the partner: create one (shown once), see which were used, revoke every open one. */
export function InvitationPanel({ q, canEdit }: { q: QuestionnaireDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const revoke = useRevokeInvitations(q.id);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const sendable = SENDABLE.includes(q.status);
  const anyAccess = q.invitations.some((i) => i.state === "open" || i.state === "used");

  return (
    <Paper withBorder p="lg" data-testid="invitation-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {t("questionnaires.invite.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("questionnaires.invite.intro")}
            </Text>
          </Stack>
          {canEdit && anyAccess && (
            <ConfirmButton
              variant="light"
              color="red"
              loading={revoke.isPending}
              title={t("questionnaires.invite.revokeTitle")}
              message={t("questionnaires.invite.revokeConfirm")}
              confirmLabel={t("questionnaires.invite.revoke")}
              data-testid="invitation-revoke-all"
              onConfirm={() =>
                revoke.mutate(undefined, {
                  onSuccess: (r) => {
                    setCreated(null);
                    notifications.show({
                      color: "green",
                      message: t("questionnaires.invite.revoked", { links: r.revokedInvitations, sessions: r.revokedSessions }),
                    });
                  },
                  onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
                })
              }
            >
              {t("questionnaires.invite.revoke")}
            </ConfirmButton>
          )}
        </Group>
        {created ? (
          <CreatedLink created={created} onDone={() => setCreated(null)} />
        ) : canEdit && sendable ? (
          <CreateLinkForm id={q.id} onCreated={setCreated} />
        ) : canEdit ? (
          <Text size="sm" c="dimmed">
            {q.status === "submitted" ? t("questionnaires.invite.waitingReview") : t("questionnaires.invite.closed")}
          </Text>
        ) : null}
        {q.invitations.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="invitations-empty">
            {t("questionnaires.invite.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" data-testid="invitations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("questionnaires.invite.state")}</Table.Th>
                  <Table.Th>{t("questionnaires.invite.emailColumn")}</Table.Th>
                  <Table.Th>{t("questionnaires.invite.createdAt")}</Table.Th>
                  <Table.Th>{t("questionnaires.invite.expiresAt")}</Table.Th>
                  <Table.Th>{t("questionnaires.invite.usedAt")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.invitations.map((i) => (
                  <Table.Tr key={i.id} data-testid="invitation-row" data-state={i.state}>
                    <Table.Td>
                      <Badge color={STATE_COLOR[i.state]} variant="light">
                        {t(`questionnaires.invite.states.${i.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{i.email ?? <Text c="dimmed">—</Text>}</Table.Td>
                    <Table.Td>{formatDateTime(i.createdAt, lang)}</Table.Td>
                    <Table.Td>{formatDateTime(i.expiresAt, lang)}</Table.Td>
                    <Table.Td>{i.usedAt ? formatDateTime(i.usedAt, lang) : "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
