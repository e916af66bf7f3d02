import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, formError } from "../../api/errors";
import { FormError } from "../../components/FormParts";
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
  const [values, setValues] = useState<Values>(() => toValues(evidence));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = useMemo(() => fieldErrors(t, update.error, FIELDS), [t, update.error]);
  const errorFor = (f: string) => errors[f] ?? serverErrors[f];
  const set = <K extends keyof Values>(k: K, v: Values[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    setErrors(({ [k]: _gone, ...rest }) => rest);
  };

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!values.title.trim()) e.title = t("validation.required");
    if (values.effectiveOn && values.expiresOn && values.expiresOn < values.effectiveOn)
      e.expiresOn = t("evidence.form.expiryBeforeEffective");
    const days = Number(values.remindDays);
    if (!Number.isInteger(days) || days < 0 || days > 365) e.remindDays = t("evidence.form.remindDaysRange");
    setErrors(e);
    if (Object.keys(e).length > 0) return;
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
        <TextInput
          label={t("evidence.fields.title")}
          name="title"
          required
          maxLength={200}
          readOnly={readOnly}
          value={values.title}
          error={errorFor("title")}
          onChange={(e) => set("title", e.currentTarget.value)}
        />
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
          <TextInput
            type="date"
            label={t("evidence.fields.effectiveOn")}
            name="effectiveOn"
            readOnly={readOnly}
            value={values.effectiveOn}
            error={errorFor("effectiveOn")}
            onChange={(e) => set("effectiveOn", e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("evidence.fields.expiresOn")}
            description={t("evidence.form.expiresHint")}
            name="expiresOn"
            readOnly={readOnly}
            value={values.expiresOn}
            error={errorFor("expiresOn")}
            onChange={(e) => set("expiresOn", e.currentTarget.value)}
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
        <Textarea
          label={t("evidence.fields.description")}
          name="description"
          autosize
          minRows={2}
          maxRows={8}
          readOnly={readOnly}
          value={values.description}
          error={errorFor("description")}
          onChange={(e) => set("description", e.currentTarget.value)}
        />
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} data-testid="evidence-save">
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
