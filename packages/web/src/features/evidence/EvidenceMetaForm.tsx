import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formError } from "../../api/errors";
import { FormActions, FormError } from "../../components/FormParts";
import { useFormFields } from "../../components/form/useFormFields";
import { EVIDENCE_CATEGORIES, type EvidenceCategory, type EvidenceDetail, type EvidencePatch, useUpdateEvidence } from "./api";

const FIELDS = ["title", "description", "category", "effectiveOn", "expiresOn", "remindDays"] as const;

interface Values {
  title: string;
  description: string;
  category: EvidenceCategory;
  effectiveOn: string;
  expiresOn: string;
  remindDays: number | string;
}

function toValues(e: EvidenceDetail): Values {
  return {
    title: e.title,
    description: e.description ?? "",
    category: e.category,
    effectiveOn: e.effectiveOn ?? "",
    expiresOn: e.expiresOn ?? "",
    remindDays: e.remindDays,
  };
}

/** Title, category, dates and reminder of an evidence item; read-only for roles that cannot edit. */
export function EvidenceMetaForm({ evidence, readOnly }: { evidence: EvidenceDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateEvidence(evidence.id);
  const { values, set, errorFor, serverErrors, check, text } = useFormFields<Values>(() => toValues(evidence), update.error, FIELDS);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!values.title.trim()) e.title = t("validation.required");
    if (values.effectiveOn && values.expiresOn && values.expiresOn < values.effectiveOn)
      e.expiresOn = t("evidence.form.expiryBeforeEffective");
    const days = Number(values.remindDays);
    if (!Number.isInteger(days) || days < 0 || days > 365) e.remindDays = t("evidence.form.remindDaysRange");
    if (!check(e)) return;
    const body: EvidencePatch = {
      title: values.title.trim(),
      description: values.description.trim() || null,
      category: values.category,
      effectiveOn: values.effectiveOn || null,
      expiresOn: values.expiresOn || null,
      remindDays: days,
    };
    update.mutate(body, { onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={formError(t, update.error, serverErrors)} />
        <TextInput label={t("evidence.fields.title")} required maxLength={200} readOnly={readOnly} {...text("title")} />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Select
            label={t("evidence.fields.category")}
            data={EVIDENCE_CATEGORIES.map((c) => ({ value: c, label: t(`evidence.categories.${c}`) }))}
            value={values.category}
            allowDeselect={false}
            readOnly={readOnly}
            onChange={(v) => v && set("category", v as EvidenceCategory)}
            error={errorFor("category")}
          />
          <TextInput type="date" label={t("evidence.fields.effectiveOn")} readOnly={readOnly} {...text("effectiveOn")} />
          <TextInput
            type="date"
            label={t("evidence.fields.expiresOn")}
            description={t("evidence.form.expiresHint")}
            readOnly={readOnly}
            {...text("expiresOn")}
          />
          <NumberInput
            label={t("evidence.fields.remindDays")}
            description={t("evidence.form.remindDaysHint")}
            name="remindDays"
            min={0}
            max={365}
            allowDecimal={false}
            readOnly={readOnly}
            value={values.remindDays}
            error={errorFor("remindDays")}
            onChange={(v) => set("remindDays", v)}
          />
        </SimpleGrid>
        <Textarea label={t("evidence.fields.description")} autosize minRows={2} maxRows={8} readOnly={readOnly} {...text("description")} />
        {!readOnly && <FormActions submitLabel={t("common.save")} loading={update.isPending} testId="evidence-save" />}
      </Stack>
    </form>
  );
}
