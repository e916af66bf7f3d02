import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import { isEditor } from "../../lib/constants";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { isApprover, type ProcedureDetail, useProcedureAction, type WorkflowAction } from "./api";
import { ProcedureStatusBadge } from "./ProcedureBits";
import { TextModal } from "./TextModal";

type Dialog = "new-version" | "edit-draft" | "reject" | null;

/**
 * The buttons the version workflow allows now, for this role: start a new version, edit and submit the
 * draft, approve or reject the version under review (never your own: four eyes).
 */
export function WorkflowPanel({ procedure: p }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { role, user } = useCurrentSession();
  const action = useProcedureAction(p.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canEdit = isEditor(role);
  const canApprove = isApprover(role);
  const archived = p.status === "archived";
  const pending = p.pending;
  const pendingVersion = pending ? p.versions.find((v) => v.version === pending.version) : undefined;
  const ownVersion = !!pendingVersion?.author && pendingVersion.author.id === user.id;

  const run = (a: WorkflowAction, done: string) =>
    action.mutate(a, {
      onSuccess: () => {
        setDialog(null);
        notifications.show({ color: "green", message: done });
      },
      onError: (e) => {
        // Dialog errors show inside the dialog; the plain buttons report here.
        if (!dialog) notifications.show({ color: "red", message: errorMessage(t, e) });
      },
    });

  const closeDialog = () => {
    setDialog(null);
    action.reset();
  };

  let state: string;
  if (archived) state = t("procedures.workflow.archived");
  else if (pending?.status === "draft") state = t("procedures.workflow.draftOpen", { version: pending.version });
  else if (pending?.status === "in_review") state = t("procedures.workflow.inReview", { version: pending.version });
  else if (p.currentVersion !== null) state = t("procedures.workflow.inForce", { version: p.currentVersion });
  else state = t("procedures.workflow.none");

  const buttons: ReactNode[] = [];
  if (!archived && pending?.status === "draft" && canEdit) {
    buttons.push(
      <Button key="edit" variant="default" onClick={() => setDialog("edit-draft")} data-testid="procedure-edit-draft">
        {t("procedures.workflow.editDraft")}
      </Button>,
      <Button
        key="submit"
        onClick={() => run({ kind: "submit" }, t("procedures.workflow.submitted"))}
        loading={action.isPending && action.variables?.kind === "submit"}
        data-testid="procedure-submit-review"
      >
        {t("procedures.workflow.submit")}
      </Button>,
    );
  }
  if (!archived && pending?.status === "in_review" && canApprove) {
    buttons.push(
      <Button
        key="approve"
        color="green"
        disabled={ownVersion}
        onClick={() => run({ kind: "approve" }, t("procedures.workflow.approved", { version: pending.version }))}
        loading={action.isPending && action.variables?.kind === "approve"}
        data-testid="procedure-approve"
      >
        {t("procedures.workflow.approve")}
      </Button>,
      <Button key="reject" variant="light" color="red" onClick={() => setDialog("reject")} data-testid="procedure-reject">
        {t("procedures.workflow.reject")}
      </Button>,
    );
  }
  if (!archived && !pending && canEdit) {
    buttons.push(
      <Button key="new" onClick={() => setDialog("new-version")} data-testid="procedure-new-version">
        {t("procedures.workflow.newVersion")}
      </Button>,
    );
  }

  return (
    <Paper withBorder p="lg" data-testid="procedure-workflow">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} size="h4">
              {t("procedures.workflow.title")}
            </Title>
            <Group gap="xs">
              {pending && <ProcedureStatusBadge status={pending.status} />}
              <Text size="sm">{state}</Text>
            </Group>
          </Stack>
          {buttons.length > 0 && <Group gap="sm">{buttons}</Group>}
        </Group>
        {p.rejection && pending?.status === "draft" && (
          <Alert color="red" variant="light" title={t("procedures.workflow.rejectedTitle", { version: p.rejection.version })}>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {p.rejection.comment}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t("procedures.workflow.rejectedBy", {
                name: p.rejection.by?.displayName ?? t("evidence.unknownPerson"),
                date: formatDateTime(p.rejection.at, lang),
              })}
            </Text>
          </Alert>
        )}
        {pending?.status === "in_review" && canApprove && ownVersion && (
          <Text size="sm" c="dimmed">
            {t("procedures.workflow.fourEyes")}
          </Text>
        )}
        {pending?.status === "in_review" && !canApprove && (
          <Text size="sm" c="dimmed">
            {t("procedures.workflow.waitingApprover")}
          </Text>
        )}
      </Stack>
      <TextModal
        opened={dialog === "new-version"}
        onClose={closeDialog}
        title={t("procedures.workflow.newVersionTitle", { version: p.latestVersion + 1 })}
        intro={t("procedures.workflow.newVersionIntro")}
        withBody
        initialBody={p.approvedBody ?? p.body}
        noteLabel={t("procedures.fields.changeNote")}
        noteRequired
        submitLabel={t("procedures.workflow.createDraft")}
        submitting={action.isPending}
        error={dialog === "new-version" ? action.error : null}
        testId="procedure-version"
        onSubmit={(v) =>
          run(
            { kind: "new-version", body: v.body, changeNote: v.note },
            t("procedures.workflow.draftCreated", { version: p.latestVersion + 1 }),
          )
        }
      />
      <TextModal
        opened={dialog === "edit-draft"}
        onClose={closeDialog}
        title={t("procedures.workflow.editDraftTitle", { version: pending?.version ?? p.latestVersion })}
        withBody
        initialBody={p.body}
        initialNote={pendingVersion?.changeNote ?? ""}
        noteLabel={t("procedures.fields.changeNote")}
        noteRequired={false}
        submitLabel={t("common.save")}
        submitting={action.isPending}
        error={dialog === "edit-draft" ? action.error : null}
        testId="procedure-draft"
        onSubmit={(v) => run({ kind: "edit-draft", body: v.body, changeNote: v.note || null }, t("common.saved"))}
      />
      <TextModal
        opened={dialog === "reject"}
        onClose={closeDialog}
        title={t("procedures.workflow.rejectTitle", { version: pending?.version ?? p.latestVersion })}
        intro={t("procedures.workflow.rejectIntro")}
        withBody={false}
        noteLabel={t("procedures.workflow.rejectComment")}
        noteRequired
        submitLabel={t("procedures.workflow.reject")}
        submitColor="red"
        submitting={action.isPending}
        error={dialog === "reject" ? action.error : null}
        testId="procedure-reject"
        onSubmit={(v) => run({ kind: "reject", comment: v.note }, t("procedures.workflow.rejected"))}
      />
    </Paper>
  );
}
