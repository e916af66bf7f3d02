import { Alert, Button, Group, SimpleGrid, Stack, Stepper, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage } from "../../api/errors";
import { FormError } from "../../components/FormParts";
import { FileChoice } from "../../components/form/FileChoice";
import { FormModal } from "../../components/form/FormModal";
import { useCurrentSession } from "../auth/session";
import { type FrameworkSummary, type ImportPreview, type ImportProblem, importFramework, importProblems } from "./api";
import { MappingBadges } from "./MappingBadges";

const ACCEPT = ".csv,.xlsx,.yaml,.yml,text/csv,application/yaml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PREVIEW_ROWS = 10;

function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={420} mah={320}>
      <Table verticalSpacing={4} fz="sm" striped data-testid="framework-import-errors">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("frameworks.import.row")}</Table.Th>
            <Table.Th>{t("frameworks.import.column")}</Table.Th>
            <Table.Th>{t("frameworks.import.message")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            // Several problems can share a row and column; the index keeps keys unique.
            // biome-ignore lint/suspicious/noArrayIndexKey: problems are a static list
            <Table.Tr key={i}>
              <Table.Td ff="monospace">{p.row}</Table.Td>
              <Table.Td>{p.column || "—"}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Choose file → dry run (preview or row errors) → commit. Every opening starts again from the first step. */
export function ImportWizard({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t("frameworks.import.title")} size="xl">
      <WizardSteps onClose={onClose} />
    </FormModal>
  );
}

function WizardSteps({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { csrfToken } = useCurrentSession();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [version, setVersion] = useState("");
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      const res = await importFramework({ file, name, version, dryRun, csrfToken });
      if (dryRun) {
        const p = res as ImportPreview;
        setPreview(p);
        setProblems(p.errors ?? []);
        setStep(1);
      } else {
        const fw = res as FrameworkSummary;
        notifications.show({ color: "green", message: t("frameworks.import.done", { name: fw.name }) });
        onClose();
        navigate(`/frameworks/${fw.id}`);
      }
    } catch (e) {
      const rows = importProblems(e);
      if (rows.length > 0) {
        setPreview(null);
        setProblems(rows);
        setStep(1);
      } else {
        setError(errorMessage(t, e));
      }
    } finally {
      setBusy(false);
    }
  };

  const sample = preview?.sample ?? [];
  return (
    <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => s < step && setStep(s)}>
      <Stepper.Step label={t("frameworks.import.stepFile")}>
        <Stack mt="md">
          <Text size="sm" c="dimmed">
            {t("frameworks.import.help")}
          </Text>
          <FileChoice
            accept={ACCEPT}
            file={file}
            onFile={(f) => {
              setFile(f);
              setError(null);
              if (f && !name) setName(f.name.replace(/\.[^.]+$/, ""));
            }}
            chooseLabel={t("frameworks.import.choose")}
            noFileLabel={t("frameworks.import.noFile")}
            inputTestId="framework-import-input"
            buttonTestId="framework-import-choose"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("frameworks.fields.name")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={200}
              data-testid="framework-import-name"
            />
            <TextInput
              label={t("frameworks.fields.version")}
              value={version}
              onChange={(e) => setVersion(e.currentTarget.value)}
              maxLength={50}
              data-testid="framework-import-version"
            />
          </SimpleGrid>
          <FormError message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button onClick={() => void run(true)} disabled={!file} loading={busy} data-testid="framework-import-check">
              {t("frameworks.import.check")}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>
      <Stepper.Step label={t("frameworks.import.stepPreview")}>
        <Stack mt="md">
          {problems.length > 0 ? (
            <>
              <Alert color="red" title={t("frameworks.import.problemsTitle", { count: problems.length })} role="alert">
                {t("frameworks.import.problemsHelp")}
              </Alert>
              <ProblemTable problems={problems} />
            </>
          ) : preview ? (
            <>
              <Alert color="green" title={t("frameworks.import.readyTitle")} data-testid="framework-import-preview">
                {t("frameworks.import.ready", {
                  name: preview.name || name || "—",
                  controls: preview.controls,
                  mappings: preview.mappings,
                })}
              </Alert>
              {sample.length > 0 && (
                <Table.ScrollContainer minWidth={480}>
                  <Table verticalSpacing={4} fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("frameworks.cols.ref")}</Table.Th>
                        <Table.Th>{t("frameworks.cols.title")}</Table.Th>
                        <Table.Th>{t("frameworks.cols.mappings")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {sample.slice(0, PREVIEW_ROWS).map((c) => (
                        <Table.Tr key={c.ref}>
                          <Table.Td ff="monospace">{c.ref}</Table.Td>
                          <Table.Td>{c.title}</Table.Td>
                          <Table.Td>
                            <MappingBadges mappings={c.mappings} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {preview.controls > Math.min(sample.length, PREVIEW_ROWS) && (
                <Text size="xs" c="dimmed">
                  {t("frameworks.import.more", { count: preview.controls - Math.min(sample.length, PREVIEW_ROWS) })}
                </Text>
              )}
            </>
          ) : null}
          <FormError message={error} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(0)}>
              {t("frameworks.import.back")}
            </Button>
            <Button
              onClick={() => void run(false)}
              disabled={problems.length > 0 || !preview}
              loading={busy}
              data-testid="framework-import-commit"
            >
              {t("frameworks.import.commit")}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>
    </Stepper>
  );
}
