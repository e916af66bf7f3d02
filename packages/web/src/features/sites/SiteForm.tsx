import { SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formError } from "../../api/errors";
import type { Site, SiteInput } from "../../api/types";
import { CountrySelect } from "../../components/CountrySelect";
import { FormActions, FormError } from "../../components/FormParts";
import { useFormFields } from "../../components/form/useFormFields";
import { SearchSelect } from "../../components/SearchSelect";
import { SITE_KINDS, type SiteKind } from "../../lib/constants";
import { SITE_FIELDS, type SiteFormValues, toFormValues, toSiteInput, validateSite } from "./siteForm";

interface Props {
  site: Site | null;
  mode: "create" | "update";
  submitting: boolean;
  /** Error from the last submit (validation issues are shown on their fields). */
  error: unknown;
  readOnly?: boolean;
  onSubmit: (body: SiteInput) => void;
  onCancel?: () => void;
}

/** Create or edit one of the company's own sites; read-only for roles that cannot edit. */
export function SiteForm({ site, mode, submitting, error, readOnly, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { values, set, errorFor, serverErrors, check, text } = useFormFields<SiteFormValues>(() => toFormValues(site), error, SITE_FIELDS, {
    hideServerErrorOnEdit: true,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (check(validateSite(values, t))) onSubmit(toSiteInput(values, mode));
  };

  const kindData = SITE_KINDS.map((k) => ({ value: k, label: t(`siteKinds.${k}`) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={formError(t, error, serverErrors)} />
        <TextInput label={t("sites.fields.name")} required readOnly={readOnly} {...text("name")} data-autofocus />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <SearchSelect
            label={t("sites.fields.kind")}
            data-testid="site-kind"
            required
            readOnly={readOnly}
            allowDeselect={false}
            data={kindData}
            value={values.kind}
            error={errorFor("kind")}
            onChange={(v) => set("kind", v as SiteKind | null)}
          />
          <CountrySelect
            label={t("sites.fields.country")}
            data-testid="site-country"
            required
            readOnly={readOnly}
            value={values.countryCode}
            error={errorFor("countryCode")}
            onChange={(v) => set("countryCode", v)}
          />
        </SimpleGrid>
        <TextInput label={t("sites.fields.address")} autoComplete="street-address" readOnly={readOnly} {...text("address")} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t("sites.fields.latitude")}
            inputMode="decimal"
            placeholder="25.6866"
            description={t("sites.fields.latitudeHint")}
            readOnly={readOnly}
            {...text("latitude")}
          />
          <TextInput
            label={t("sites.fields.longitude")}
            inputMode="decimal"
            placeholder="-100.3161"
            description={t("sites.fields.longitudeHint")}
            readOnly={readOnly}
            {...text("longitude")}
          />
        </SimpleGrid>
        {!readOnly && (
          <FormActions
            onCancel={onCancel}
            submitLabel={mode === "create" ? t("sites.create") : t("common.save")}
            loading={submitting}
            testId="site-submit"
          />
        )}
      </Stack>
    </form>
  );
}
