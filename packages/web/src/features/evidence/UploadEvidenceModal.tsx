import { Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { formError } from "../../api/errors";
import { FormActions, FormError } from "../../components/FormParts";
import { useFormFields } from "../../components/form/useFormFields";
import { EVIDENCE_CATEGORIES, type EvidenceCategory } from "./api";
import { CriteriaMultiSelect } from "./CriteriaMultiSelect";
import { FileDrop } from "./FileDrop";
import { isAbort, uploadErrorMessage } from "./upload";
import { useUpload } from "./useUpload";

const FIELDS = ["title", "description", "category", "effectiveOn", "expiresOn", "remindDays", "criterionIds", "file"] as const;

interface Values {
  title: string;
  description: string;
  category: EvidenceCategory;
  effectiveOn: string;
  expiresOn: string;
  hasExpiry: boolean;
  remindDays: number | string;
  criterionIds: string[];
}

const EMPTY: Values = {
  title: "",
  description: "",
  category: "document",
  effectiveOn: "",
  expiresOn: "",
  hasExpiry: false,
  remindDays: 30,
  criterionIds: [],
};

/** The file name without its extension, a sensible first title. */
function titleFromFile(name: string): string {
  return name
    .replace(/\.[^.]+$/, "")
    .replace(/[_]+/g, " ")
    .trim();
}

/** "Upload evidence": file, metadata and the criteria it supports. Opens the new item when done. */
export function UploadEvidenceModal({ opened, onClose, criterionId }: { opened: boolean; onClose: () => void; criterionId?: string }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("evidence.upload.title")} size="lg" closeOnClickOutside={false}>
      {opened && <UploadForm onClose={onClose} criterionId={criterionId} />}
    </Modal>
  );
}

function UploadForm({ onClose, criterionId }: { onClose: () => void; criterionId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const upload = useUpload();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { values, set, errorFor, serverErrors, check, text } = useFormFields<Values>(
    () => ({ ...EMPTY, criterionIds: criterionId ? [criterionId] : [] }),
    upload.error,
    FIELDS,
  );

  const onFile = (f: File | null) => {
    setFile(f);
    setFileError(null);
    if (f && !values.title.trim()) set("title", titleFromFile(f.name).slice(0, 200));
  };

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!file) e.file = t("evidence.upload.errors.noFile");
    if (!values.title.trim()) e.title = t("validation.required");
    if (values.hasExpiry && !values.expiresOn) e.expiresOn = t("validation.required");
    if (values.hasExpiry && values.effectiveOn && values.expiresOn && values.expiresOn < values.effectiveOn) {
      e.expiresOn = t("evidence.form.expiryBeforeEffective");
    }
    const days = Number(values.remindDays);
    if (values.hasExpiry && (!Number.isInteger(days) || days < 0 || days > 365)) e.remindDays = t("evidence.form.remindDaysRange");
    return e;
  };

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setFileError(e.file ?? null);
    if (!check(e) || !file) return;
    upload.mutate(
      {
        path: "/evidence",
        file,
        fields: {
          title: values.title.trim(),
          description: values.description.trim() || undefined,
          category: values.category,
          effectiveOn: values.effectiveOn || undefined,
          expiresOn: values.hasExpiry ? values.expiresOn : undefined,
          remindDays: values.hasExpiry ? String(Number(values.remindDays)) : undefined,
          criterionIds: values.criterionIds.length > 0 ? values.criterionIds.join(",") : undefined,
        },
      },
      {
        onSuccess: (view) => {
          notifications.show({ color: "green", message: t("evidence.upload.done", { title: view.title }) });
          onClose();
          navigate(`/evidence/${view.id}`);
        },
      },
    );
  };

  const busy = upload.isPending;
  const error = upload.error && !isAbort(upload.error) ? upload.error : null;
  // Validation issues land on their fields; size, type and network failures get their own sentence.
  const general = !error
    ? null
    : isApiError(error) && error.code === "validation_failed"
      ? formError(t, error, serverErrors)
      : uploadErrorMessage(t, error);
  const categoryData = EVIDENCE_CATEGORIES.map((c) => ({ value: c, label: t(`evidence.categories.${c}`) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={general} />
        <FileDrop
          file={file}
          onFile={onFile}
          error={fileError ?? serverErrors.file}
          onReject={setFileError}
          disabled={busy}
          progress={upload.progress}
        />
        <TextInput label={t("evidence.fields.title")} required maxLength={200} {...text("title")} disabled={busy} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t("evidence.fields.category")}
            data={categoryData}
            value={values.category}
            allowDeselect={false}
            onChange={(v) => v && set("category", v as EvidenceCategory)}
            error={errorFor("category")}
            disabled={busy}
            data-testid="evidence-category"
          />
          <TextInput type="date" label={t("evidence.fields.effectiveOn")} {...text("effectiveOn")} disabled={busy} />
        </SimpleGrid>
        <Switch
          label={t("evidence.form.hasExpiry")}
          checked={values.hasExpiry}
          onChange={(e) => set("hasExpiry", e.currentTarget.checked)}
          disabled={busy}
          data-testid="evidence-has-expiry"
        />
        {values.hasExpiry && (
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput type="date" label={t("evidence.fields.expiresOn")} required {...text("expiresOn")} disabled={busy} />
            <NumberInput
              label={t("evidence.fields.remindDays")}
              description={t("evidence.form.remindDaysHint")}
              name="remindDays"
              min={0}
              max={365}
              allowDecimal={false}
              value={values.remindDays}
              error={errorFor("remindDays")}
              onChange={(v) => set("remindDays", v)}
              disabled={busy}
            />
          </SimpleGrid>
        )}
        <CriteriaMultiSelect
          label={t("evidence.fields.criteria")}
          description={t("evidence.form.criteriaHint")}
          value={values.criterionIds}
          onChange={(v) => set("criterionIds", v)}
          error={errorFor("criterionIds")}
          disabled={busy}
          data-testid="evidence-criteria"
        />
        <Textarea label={t("evidence.fields.description")} autosize minRows={2} maxRows={6} {...text("description")} disabled={busy} />
        <FormActions
          onCancel={busy ? upload.cancel : onClose}
          cancelLabel={busy ? t("evidence.upload.cancelUpload") : undefined}
          cancelTestId="evidence-upload-cancel"
          submitLabel={t("evidence.upload.submit")}
          loading={busy}
          testId="evidence-upload-submit"
        />
      </Stack>
    </form>
  );
}
