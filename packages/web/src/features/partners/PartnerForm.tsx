import { SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, formError } from "../../api/errors";
import { CountrySelect } from "../../components/CountrySelect";
import { FormActions, FormError, LabelledSegments } from "../../components/FormParts";
import { bindText } from "../../components/form/useFormFields";
import { SearchSelect } from "../../components/SearchSelect";
import type { PartnerDetail, PartnerInput } from "./api";
import { ContactsEditor } from "./ContactsEditor";
import { PARTNER_TYPES, type PartnerType, RISK_LEVELS, type RiskLevel } from "./domain";
import { ExternalKeyInput } from "./ExternalKeyInput";
import { IdentifiersEditor } from "./IdentifiersEditor";
import { PARTNER_FIELDS, type PartnerFormValues, rowErrors, toFormValues, toPartnerInput, validatePartner } from "./partnerForm";

interface Props {
  partner: PartnerDetail | null;
  mode: "create" | "update";
  submitting: boolean;
  error: unknown;
  onSubmit: (body: PartnerInput) => void;
  onCancel?: () => void;
}

/** Create or edit a partner: the main fields, its identifiers (with live format hints) and its contacts. */
export function PartnerForm({ partner, mode, submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<PartnerFormValues>(() => toFormValues(partner));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);

  const serverErrors = useMemo(() => fieldErrors(t, error, [...PARTNER_FIELDS, "identifiers", "contacts"]), [t, error]);
  const serverRows = useMemo(() => rowErrors(t, error), [t, error]);
  const errorFor = (f: string): string | undefined => clientErrors[f] ?? (touched.has(f) ? undefined : (serverRows[f] ?? serverErrors[f]));

  const set = <K extends keyof PartnerFormValues>(key: K, value: PartnerFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // Any edit of a list clears its row errors: indexes may have shifted.
    setClientErrors((errs) => Object.fromEntries(Object.entries(errs).filter(([k]) => k !== key && !k.startsWith(`${key}.`))));
    setTouched((s) => new Set(s).add(key));
  };
  const text = bindText(values, set, errorFor);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validatePartner(values, t);
    setClientErrors(errs);
    if (Object.keys(errs).length > 0) {
      // Keyboard and screen-reader users land on the first field to fix (after the errors render).
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setTouched(new Set());
    onSubmit(toPartnerInput(values, mode));
  };

  const rowTouched = (list: "identifiers" | "contacts") => touched.has(list);
  const listErrors = (list: "identifiers" | "contacts") =>
    Object.fromEntries(
      Object.entries({ ...(rowTouched(list) ? {} : serverRows), ...clientErrors }).filter(([k]) => k.startsWith(`${list}.`)),
    );

  // A server issue about a list as a whole (no row index) is shown under the list.
  const listGeneralError = (list: "identifiers" | "contacts") =>
    rowTouched(list) || Object.keys(serverRows).some((k) => k.startsWith(`${list}.`)) ? undefined : serverErrors[list];

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="partner-form">
      <Stack>
        <FormError message={formError(t, error, { ...serverErrors, ...serverRows })} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("partners.fields.name")} required {...text("name")} maxLength={200} data-autofocus />
          <TextInput label={t("partners.fields.legalName")} {...text("legalName")} maxLength={200} />
          <SearchSelect
            label={t("partners.fields.type")}
            required
            allowDeselect={false}
            data={PARTNER_TYPES.map((p) => ({ value: p, label: t(`partners.type.${p}`) }))}
            value={values.type}
            error={errorFor("type")}
            onChange={(v) => set("type", v as PartnerType | null)}
            data-testid="partner-type"
          />
          <CountrySelect
            label={t("partners.fields.country")}
            required
            value={values.countryCode}
            error={errorFor("countryCode")}
            onChange={(v) => set("countryCode", v)}
            data-testid="partner-country"
          />
        </SimpleGrid>
        <LabelledSegments
          label={t("partners.fields.risk")}
          hint={t("partners.form.riskHint")}
          data={RISK_LEVELS.map((r) => ({ value: r, label: t(`partners.risk.${r}`) }))}
          value={values.riskLevel}
          onChange={(v) => set("riskLevel", v as RiskLevel)}
          data-testid="partner-risk"
          w={{ base: "100%", xs: "auto" }}
        />
        <TextInput label={t("partners.fields.address")} {...text("address")} maxLength={500} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("partners.fields.website")} type="url" placeholder="https://" {...text("website")} maxLength={500} />
          <ExternalKeyInput {...text("externalKey")} />
        </SimpleGrid>
        <IdentifiersEditor
          rows={values.identifiers}
          onChange={(rows) => set("identifiers", rows)}
          errors={listErrors("identifiers")}
          generalError={listGeneralError("identifiers")}
        />
        <ContactsEditor
          rows={values.contacts}
          onChange={(rows) => set("contacts", rows)}
          errors={listErrors("contacts")}
          generalError={listGeneralError("contacts")}
        />
        <Textarea label={t("partners.fields.notes")} autosize minRows={2} maxRows={8} {...text("notes")} maxLength={5000} />
        <FormActions
          onCancel={onCancel}
          submitLabel={mode === "create" ? t("partners.form.create") : t("common.save")}
          loading={submitting}
          testId="partner-submit"
        />
      </Stack>
    </form>
  );
}
