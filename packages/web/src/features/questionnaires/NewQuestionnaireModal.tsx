import { Modal, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, formError } from "../../api/errors";
import { FormActions, FormError } from "../../components/FormParts";
import type { Language } from "../../i18n";
import { type QuestionnaireDetail, useCreateQuestionnaire } from "./api";
import { PartnerPicker } from "./PartnerPicker";

const FIELDS = ["partnerId", "dueOn", "lang"] as const;

// Partners here answer best in Spanish by default; anyone can still switch the language.
const SPANISH_SPEAKING = new Set([
  "MX",
  "ES",
  "AR",
  "BO",
  "CL",
  "CO",
  "CR",
  "CU",
  "DO",
  "EC",
  "GT",
  "HN",
  "NI",
  "PA",
  "PE",
  "PR",
  "PY",
  "SV",
  "UY",
  "VE",
]);

function isoInDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Create a questionnaire: which partner, by when, in which language. */
export function NewQuestionnaireModal(props: {
  opened: boolean;
  onClose: () => void;
  initialPartnerId: string | null;
  onCreated: (q: QuestionnaireDetail) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("questionnaires.newTitle")} closeOnClickOutside={false}>
      {props.opened && <NewQuestionnaireForm {...props} />}
    </Modal>
  );
}

function NewQuestionnaireForm({
  onClose,
  initialPartnerId,
  onCreated,
}: {
  onClose: () => void;
  initialPartnerId: string | null;
  onCreated: (q: QuestionnaireDetail) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateQuestionnaire();
  const [partnerId, setPartnerId] = useState<string | null>(initialPartnerId);
  const [dueOn, setDueOn] = useState(isoInDays(30));
  const [lang, setLang] = useState<Language>("en");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!partnerId) errs.partnerId = t("validation.required");
    if (!dueOn) errs.dueOn = t("validation.required");
    else if (dueOn < isoInDays(0)) errs.dueOn = t("questionnaires.dueInPast");
    setErrors(errs);
    if (Object.keys(errs).length > 0 || !partnerId) {
      create.reset();
      return;
    }
    create.mutate({ partnerId, dueOn, lang }, { onSuccess: onCreated, onError: (err) => setErrors(fieldErrors(t, err, FIELDS)) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("questionnaires.newIntro")}
        </Text>
        <FormError message={formError(t, create.error, errors)} />
        <PartnerPicker
          label={t("questionnaires.fields.partner")}
          required
          activeOnly
          value={partnerId}
          error={errors.partnerId}
          data-autofocus
          onChange={(id, p) => {
            setPartnerId(id);
            if (p) setLang(SPANISH_SPEAKING.has(p.countryCode.toUpperCase()) ? "es" : "en");
          }}
          data-testid="questionnaire-new-partner"
        />
        <TextInput
          type="date"
          name="dueOn"
          label={t("questionnaires.fields.dueOn")}
          required
          min={isoInDays(0)}
          value={dueOn}
          error={errors.dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          data-testid="questionnaire-new-due"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="questionnaire-lang-label">
            {t("questionnaires.fields.lang")}
          </Text>
          <SegmentedControl
            aria-labelledby="questionnaire-lang-label"
            value={lang}
            onChange={(v) => setLang(v as Language)}
            data={[
              { value: "en", label: t("questionnaires.langs.en") },
              { value: "es", label: t("questionnaires.langs.es") },
            ]}
            data-testid="questionnaire-new-lang"
          />
          <Text size="xs" c="dimmed">
            {t("questionnaires.langHint")}
          </Text>
        </Stack>
        <FormActions
          onCancel={onClose}
          submitLabel={t("questionnaires.create")}
          loading={create.isPending}
          testId="questionnaire-new-submit"
        />
      </Stack>
    </form>
  );
}
