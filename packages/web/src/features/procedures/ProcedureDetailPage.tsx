import { Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { errorMessage } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { BackLink, DetailFallback, DetailLayout } from "../../components/DetailLayout";
import { isEditor } from "../../lib/constants";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { AcknowledgementsPanel } from "./AcknowledgementsPanel";
import { type ProcedureDetail, useProcedure, useProcedureAction, useUpdateProcedure } from "./api";
import { CriteriaLinks, NextReview, ProcedureStatusCell, ProcedureText } from "./ProcedureBits";
import { ProcedureForm } from "./ProcedureForm";
import { VersionHistory } from "./VersionHistory";
import { WorkflowPanel } from "./WorkflowPanel";

/** The text in force and the open draft, one under the other. */
function Texts({ p }: { p: ProcedureDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      {p.approvedBody !== null && p.currentVersion !== null && (
        <Paper withBorder p="lg">
          <Title order={2} size="h4">
            {t("procedures.text.inForce", { version: p.currentVersion })}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t("procedures.text.approvedBy", {
              name: p.approvedBy?.displayName ?? t("evidence.unknownPerson"),
              date: formatDateTime(p.approvedAt, lang),
            })}
          </Text>
          <ProcedureText body={p.approvedBody} testId="procedure-text-approved" />
        </Paper>
      )}
      {p.pending && (
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb="sm">
            {p.pending.status === "draft"
              ? t("procedures.text.draft", { version: p.pending.version })
              : t("procedures.text.inReview", { version: p.pending.version })}
          </Title>
          <ProcedureText body={p.body} testId="procedure-text-draft" />
        </Paper>
      )}
    </>
  );
}

/** One procedure: its texts, workflow, acknowledgements, history and settings. */
export default function ProcedureDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const procedure = useProcedure(id);
  const update = useUpdateProcedure(id);
  const action = useProcedureAction(id);

  const back = <BackLink to="/procedures">{t("procedures.backToList")}</BackLink>;
  if (procedure.isPending || procedure.isError) return <DetailFallback query={procedure} back={back} />;

  const p = procedure.data;
  const archived = p.status === "archived";
  const archiveButton =
    canEdit && !archived ? (
      <ConfirmButton
        variant="light"
        color="red"
        loading={action.isPending && action.variables?.kind === "archive"}
        data-testid="procedure-archive"
        title={t("procedures.archiveConfirmTitle")}
        message={t("procedures.archiveConfirm", { code: p.code })}
        confirmLabel={t("procedures.archive")}
        onConfirm={() =>
          action.mutate(
            { kind: "archive" },
            {
              onSuccess: () => notifications.show({ color: "green", message: t("procedures.archivedDone") }),
              onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
            },
          )
        }
      >
        {t("procedures.archive")}
      </ConfirmButton>
    ) : null;

  return (
    <DetailLayout back={back} title={`${p.code} · ${p.title}`} description={<ProcedureStatusCell p={p} />} actions={archiveButton}>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t("procedures.fields.owner")}
            </Text>
            <Text size="sm">{p.owner?.displayName ?? t("common.notSet")}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t("procedures.fields.nextReview")}
            </Text>
            <NextReview p={p} />
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t("procedures.fields.reviewInterval")}
            </Text>
            <Text size="sm">{t("procedures.months", { count: p.reviewIntervalMonths })}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t("procedures.fields.criteria")}
            </Text>
            <CriteriaLinks ids={p.criterionIds} />
          </Stack>
        </SimpleGrid>
      </Paper>
      <WorkflowPanel procedure={p} />
      <Texts p={p} />
      <Paper withBorder p="lg">
        <AcknowledgementsPanel procedure={p} />
      </Paper>
      <Paper withBorder p="lg">
        <VersionHistory versions={p.versions} />
      </Paper>
      <Paper withBorder p="lg">
        <Group justify="space-between" mb="md">
          <Title order={2} size="h4">
            {t("procedures.settings")}
          </Title>
        </Group>
        <ProcedureForm
          key={p.updatedAt}
          procedure={p}
          readOnly={!canEdit || archived}
          submitting={update.isPending}
          error={update.error}
          onSubmit={({ code: _code, body: _body, ...patch }) =>
            update.mutate(patch, { onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }) })
          }
        />
      </Paper>
    </DetailLayout>
  );
}
