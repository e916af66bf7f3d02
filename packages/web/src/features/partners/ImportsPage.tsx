import { Alert, Anchor, Button, Grid, Group, Paper, Progress, Stack, Stepper, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { FormError, LabelledSegments } from "../../components/FormParts";
import { FileChoice } from "../../components/form/FileChoice";
import { PageHeader } from "../../components/PageHeader";
import { isEditor } from "../../lib/constants";
import { useCurrentSession } from "../auth/session";
import { uploadErrorMessage } from "../evidence/upload";
import { DownloadButton } from "../profile/download";
import { ImportHelp } from "./ImportHelp";
import { ImportReportView } from "./ImportReportView";
import { IMPORT_KINDS, type ImportKind, type ImportReport, reportOf, runImport, useInvalidateAfterImport } from "./imports.api";

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TARGET: Record<ImportKind, string> = { partners: "/partners", sites: "/partners", lanes: "/lanes" };

/** Kind and file → dry run report → commit. Nothing is saved until the commit, and a commit is all or nothing. */
function ImportWizard({ kind, onKind }: { kind: ImportKind; onKind: (k: ImportKind) => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateAfterImport();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setStep(0);
    setFile(null);
    setReport(null);
    setError(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await runImport({ file, kind, dryRun, onProgress: setProgress });
      setReport(r);
      if (dryRun) {
        setStep(1);
      } else {
        invalidate();
        setStep(2);
        notifications.show({ color: "green", message: t("imports.done", { create: r.create, update: r.update }) });
      }
    } catch (e) {
      const refused = reportOf(e);
      if (refused) {
        setReport(refused);
        setStep(1);
      } else {
        setError(uploadErrorMessage(t, e));
      }
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const canCommit = !!report && report.totalErrors === 0 && report.create + report.update > 0;
  return (
    <Paper withBorder p="md" data-testid="import-wizard">
      <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => s < step && step < 2 && setStep(s)}>
        <Stepper.Step label={t("imports.steps.file")}>
          <Stack mt="md">
            <LabelledSegments
              label={t("imports.kind")}
              data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => {
                onKind(v as ImportKind);
                setReport(null);
              }}
              disabled={busy}
              data-testid="import-kind"
            />
            <FileChoice
              accept={ACCEPT}
              file={file}
              onFile={(f) => {
                setFile(f);
                setError(null);
                setReport(null);
              }}
              chooseLabel={t("imports.choose")}
              noFileLabel={t("imports.noFile")}
              disabled={busy}
              inputTestId="import-file-input"
              buttonTestId="import-choose"
              nameTestId="import-file-name"
            />
            <Text size="xs" c="dimmed">
              {t("imports.fileHint")}
            </Text>
            {progress !== null && <Progress value={progress} animated aria-label={t("imports.sending", { percent: progress })} />}
            <FormError message={error} testId="import-error" />
            <Group justify="flex-end">
              <Button onClick={() => void run(true)} disabled={!file} loading={busy} data-testid="import-check">
                {t("imports.check")}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t("imports.steps.review")}>
          <Stack mt="md">
            {report && <ImportReportView report={report} />}
            <FormError message={error} testId="import-error" />
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(0)} disabled={busy} data-testid="import-back">
                {t("imports.back")}
              </Button>
              <Button onClick={() => void run(false)} disabled={!canCommit} loading={busy} data-testid="import-commit">
                {t("imports.commit", { count: (report?.create ?? 0) + (report?.update ?? 0) })}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Completed>
          <Stack mt="md">
            <Alert color="green" title={t("imports.doneTitle")} data-testid="import-done">
              {t("imports.done", { create: report?.create ?? 0, update: report?.update ?? 0 })}
            </Alert>
            {report && <ImportReportView report={report} />}
            <Group justify="space-between">
              <Anchor component={Link} to={TARGET[kind]} size="sm">
                {t(`imports.open.${kind}`)}
              </Anchor>
              <Button variant="default" onClick={reset} data-testid="import-again">
                {t("imports.again")}
              </Button>
            </Group>
          </Stack>
        </Stepper.Completed>
      </Stepper>
    </Paper>
  );
}

/** Import partners, partner sites and lanes from CSV/XLSX; export them in the same columns. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const [params, setParams] = useSearchParams();
  const kind: ImportKind = IMPORT_KINDS.find((k) => k === params.get("kind")) ?? "partners";
  const setKind = (k: ImportKind) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (k === "partners") next.delete("kind");
        else next.set("kind", k);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title={t("imports.title")} description={t("imports.description")} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            {canEdit ? (
              <ImportWizard kind={kind} onKind={setKind} />
            ) : (
              <Alert color="gray" data-testid="import-read-only">
                {t("imports.readOnly")}
              </Alert>
            )}
            <Paper withBorder p="md" data-testid="import-export">
              <Stack gap="sm">
                <Title order={2} size="h5">
                  {t("imports.export.title")}
                </Title>
                <Text size="sm" c="dimmed">
                  {t("imports.export.help")}
                </Text>
                {IMPORT_KINDS.map((k) => (
                  <Group key={k} gap="xs" justify="space-between">
                    <Text size="sm" fw={500}>
                      {t(`imports.kinds.${k}`)}
                    </Text>
                    <Group gap="xs">
                      {(["csv", "xlsx"] as const).map((format) => (
                        <DownloadButton
                          key={format}
                          size="xs"
                          path="/imports/export"
                          query={{ kind: k, format }}
                          fallbackName={`${k}.${format}`}
                          data-testid={`import-export-${k}-${format}`}
                        >
                          {format.toUpperCase()}
                        </DownloadButton>
                      ))}
                    </Group>
                  </Group>
                ))}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ImportHelp kind={kind} />
        </Grid.Col>
      </Grid>
    </>
  );
}
