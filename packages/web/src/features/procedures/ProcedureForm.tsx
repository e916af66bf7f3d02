import { Alert, NumberInput, SimpleGrid, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formError } from "../../api/errors";
import { FormActions, FormError } from "../../components/FormParts";
import { useFormFields } from "../../components/form/useFormFields";
import { useCriteriaOptions } from "../evidence/api";
import { CriteriaMultiSelect } from "../evidence/CriteriaMultiSelect";
import type { CreateProcedureInput, ProcedureDetail } from "./api";
import { MemberSelect } from "./MemberSelect";

const FIELDS = ["code", "title", "body", "criterionIds", "ownerUserId", "requiresAck", "reviewIntervalMonths"] as const;
const YEARLY_MONTHS = 12;

interface Values {
  code: string;
  title: string;
  body: string;
  criterionIds: string[];
  ownerUserId: string | null;
  requiresAck: boolean;
  /** Empty: the default interval (12 months for yearly criteria, else 24). */
  reviewIntervalMonths: number | string;
}

function toValues(p: ProcedureDetail | null): Values {
  return {
    code: p?.code ?? "",
    title: p?.title ?? "",
    body: "",
    criterionIds: p?.criterionIds ?? [],
    ownerUserId: p?.owner?.id ?? null,
    requiresAck: p?.requiresAck ?? true,
    reviewIntervalMonths: p && !p.reviewIntervalDefault ? p.reviewIntervalMonths : "",
  };
}

interface Props {
  procedure: ProcedureDetail | null;
  submitting: boolean;
  error: unknown;
  readOnly?: boolean;
  onSubmit: (body: CreateProcedureInput) => void;
  onCancel?: () => void;
}

/**
 * A procedure's settings. Creating also asks for the code and the first draft's text; afterwards the
 * text changes only through versions.
 */
export function ProcedureForm({ procedure, submitting, error, readOnly, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const creating = procedure === null;
  const criteria = useCriteriaOptions();
  const { values, set, errorFor, serverErrors, check, text } = useFormFields<Values>(() => toValues(procedure), error, FIELDS);

  const yearly = useMemo(() => {
    const flagged = new Set((criteria.data ?? []).filter((c) => c.yearlyReview).map((c) => c.id));
    return values.criterionIds.filter((id) => flagged.has(id));
  }, [criteria.data, values.criterionIds]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (creating && !values.code.trim()) errs.code = t("validation.required");
    if (!values.title.trim()) errs.title = t("validation.required");
    if (creating && !values.body.trim()) errs.body = t("validation.required");
    const months = values.reviewIntervalMonths === "" ? null : Number(values.reviewIntervalMonths);
    if (months !== null && (!Number.isInteger(months) || months < 1 || months > 60))
      errs.reviewIntervalMonths = t("procedures.form.intervalRange");
    else if (months !== null && months > YEARLY_MONTHS && yearly.length > 0) {
      errs.reviewIntervalMonths = t("procedures.form.intervalYearly", { ids: yearly.join(", ") });
    }
    if (!check(errs)) return;
    onSubmit({
      code: values.code.trim(),
      title: values.title.trim(),
      body: values.body,
      criterionIds: values.criterionIds,
      ownerUserId: values.ownerUserId,
      requiresAck: values.requiresAck,
      reviewIntervalMonths: months,
    });
  };

  const defaultMonths = yearly.length > 0 ? YEARLY_MONTHS : 24;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={formError(t, error, serverErrors)} />
        <SimpleGrid cols={{ base: 1, xs: creating ? 3 : 1 }}>
          {creating && (
            <TextInput
              label={t("procedures.fields.code")}
              description={t("procedures.form.codeHint")}
              required
              maxLength={40}
              {...text("code")}
              data-autofocus
            />
          )}
          <TextInput
            label={t("procedures.fields.title")}
            required
            maxLength={200}
            readOnly={readOnly}
            {...text("title")}
            style={creating ? { gridColumn: "span 2" } : undefined}
          />
        </SimpleGrid>
        {creating && (
          <Textarea
            label={t("procedures.fields.body")}
            description={t("procedures.form.bodyHint")}
            required
            autosize
            minRows={8}
            maxRows={20}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            {...text("body")}
            data-testid="procedure-body-input"
          />
        )}
        <CriteriaMultiSelect
          label={t("procedures.fields.criteria")}
          description={t("procedures.form.criteriaHint")}
          readOnly={readOnly}
          value={values.criterionIds}
          onChange={(v) => set("criterionIds", v)}
          error={errorFor("criterionIds")}
          data-testid="procedure-criteria"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <MemberSelect
            label={t("procedures.fields.owner")}
            value={values.ownerUserId}
            current={procedure?.owner}
            readOnly={readOnly}
            onChange={(v) => set("ownerUserId", v)}
            error={errorFor("ownerUserId")}
            data-testid="procedure-owner"
          />
          <NumberInput
            label={t("procedures.fields.reviewInterval")}
            description={t("procedures.form.intervalHint", { count: defaultMonths })}
            placeholder={t("procedures.form.intervalDefault", { count: defaultMonths })}
            name="reviewIntervalMonths"
            min={1}
            max={60}
            allowDecimal={false}
            readOnly={readOnly}
            value={values.reviewIntervalMonths}
            error={errorFor("reviewIntervalMonths")}
            onChange={(v) => set("reviewIntervalMonths", v)}
          />
        </SimpleGrid>
        {yearly.length > 0 && (
          <Alert color="blue" variant="light" p="xs">
            {t("procedures.form.yearlyNote", { ids: yearly.join(", ") })}
          </Alert>
        )}
        <Switch
          label={t("procedures.fields.requiresAck")}
          description={t("procedures.form.requiresAckHint")}
          checked={values.requiresAck}
          disabled={readOnly}
          onChange={(e) => set("requiresAck", e.currentTarget.checked)}
          data-testid="procedure-requires-ack"
        />
        {!readOnly && (
          <FormActions
            onCancel={onCancel}
            submitLabel={creating ? t("procedures.create") : t("common.save")}
            loading={submitting}
            testId="procedure-submit"
          />
        )}
      </Stack>
    </form>
  );
}
