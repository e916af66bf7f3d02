import { Alert, SimpleGrid, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { fieldErrors, formError } from "../../api/errors";
import { FormActions, FormError } from "../../components/FormParts";
import { bindText } from "../../components/form/useFormFields";
import type { Lane, LaneInput } from "./api";
import { LegEditor } from "./LegEditor";
import {
  hasErrors,
  initialLabels,
  type LaneFormValues,
  type LegErrors,
  type NodeLabels,
  serverLegErrors,
  toFormValues,
  toLaneInput,
  validateLane,
} from "./laneForm";

const FIELDS = ["name", "externalKey", "description"] as const;

interface Props {
  lane: Lane | null;
  mode: "create" | "update";
  submitting: boolean;
  error: unknown;
  onSubmit: (body: LaneInput) => void;
  onCancel: () => void;
}

/** Create or edit a lane: name, key, description and the leg editor; checks the chain before sending. */
export function LaneForm({ lane, mode, submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<LaneFormValues>(() => toFormValues(lane));
  const [labels, setLabels] = useState<NodeLabels>(() => initialLabels(lane));
  const [checked, setChecked] = useState(false);
  // The values the server last refused: its leg errors are shown until the user edits again.
  const [sent, setSent] = useState<LaneFormValues | null>(null);

  const local = useMemo(() => validateLane(values, t, labels), [values, t, labels]);
  const server = useMemo(
    () => (error && sent === values ? serverLegErrors(error, values, t, labels) : {}),
    [error, sent, values, t, labels],
  );
  const fields = error && sent === values ? fieldErrors(t, error, FIELDS) : {};
  const legErrors = checked ? mergeLegErrors(local.legs, server) : server;
  const serverLegs = Object.keys(server).length > 0;
  const conflict = isApiError(error) && error.code === "conflict" ? t("lanes.errors.externalKeyTaken") : null;
  // A duplicate external key is shown on its field only.
  const topError = error && sent === values && !serverLegs && !conflict ? formError(t, error, fields) : null;

  const set = <K extends keyof LaneFormValues>(key: K, value: LaneFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  // The chain check is shown only once the user has tried to send; the server's only for the values it refused.
  const textErrors: Record<string, string | undefined> = {
    name: (checked && local.name) || fields.name,
    externalKey: fields.externalKey ?? (conflict && sent === values ? conflict : undefined),
    description: fields.description,
  };
  const text = bindText(values, set, (f) => textErrors[f]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (hasErrors(local)) return;
    setSent(values);
    onSubmit(toLaneInput(values, mode));
  };

  const legProblems = checked ? Object.keys(local.legs).length : 0;

  return (
    <form onSubmit={submit} noValidate data-testid="lane-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("lanes.fields.name")} {...text("name")} withAsterisk maxLength={200} />
          <TextInput
            label={t("lanes.fields.externalKey")}
            {...text("externalKey")}
            description={t("lanes.fields.externalKeyHelp")}
            maxLength={100}
          />
        </SimpleGrid>
        <Textarea label={t("lanes.fields.description")} {...text("description")} autosize minRows={2} maxLength={2000} />
        <Title order={2} size="h4">
          {t("lanes.legs")}
        </Title>
        {checked && local.form && <Alert color="red">{local.form}</Alert>}
        {(legProblems > 0 || serverLegs) && (
          <Alert color="red" role="alert" data-testid="lane-leg-problems">
            {serverLegs && isApiError(error)
              ? `${t("lanes.errors.serverRefused")} ${error.message}`
              : t("lanes.errors.fixLegs", { count: legProblems })}
          </Alert>
        )}
        <LegEditor
          legs={values.legs}
          onChange={(legs) => set("legs", legs)}
          errors={legErrors}
          labels={labels}
          onLabel={(facts) => setLabels((prev) => ({ ...prev, [facts.id]: { ...prev[facts.id], ...facts } }))}
        />
        <FormError message={topError} />
        <FormActions
          onCancel={onCancel}
          submitLabel={mode === "create" ? t("lanes.create") : t("common.save")}
          loading={submitting}
          testId="lane-submit"
        />
      </Stack>
    </form>
  );
}

function mergeLegErrors(a: Record<number, LegErrors>, b: Record<number, LegErrors>): Record<number, LegErrors> {
  const out: Record<number, LegErrors> = { ...a };
  for (const [leg, errs] of Object.entries(b)) out[Number(leg)] = { ...out[Number(leg)], ...errs };
  return out;
}
