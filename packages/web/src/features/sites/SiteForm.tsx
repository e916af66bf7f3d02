import { Button, Group, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, formError } from "../../api/errors";
import type { Site, SiteInput } from "../../api/types";
import { CountrySelect } from "../../components/CountrySelect";
import { FormError } from "../../components/FormParts";
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

export function SiteForm({ site, mode, submitting, error, readOnly, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SiteFormValues>(() => toFormValues(site));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [touchedSinceSubmit, setTouched] = useState<Set<string>>(new Set());

  const serverErrors = useMemo(() => fieldErrors(t, error, SITE_FIELDS), [t, error]);
  const errorFor = (f: string): string | undefined => clientErrors[f] ?? (touchedSinceSubmit.has(f) ? undefined : serverErrors[f]);

  const set = <K extends keyof SiteFormValues>(key: K, value: SiteFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setClientErrors(({ [key]: _removed, ...rest }) => rest);
    setTouched((s) => new Set(s).add(key));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validateSite(values, t);
    setClientErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setTouched(new Set());
    onSubmit(toSiteInput(values, mode));
  };

  const kindData = SITE_KINDS.map((k) => ({ value: k, label: t(`siteKinds.${k}`) }));
  const generalError = formError(t, error, serverErrors);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={generalError} />
        <TextInput
          label={t("sites.fields.name")}
          name="name"
          required
          readOnly={readOnly}
          value={values.name}
          error={errorFor("name")}
          onChange={(e) => set("name", e.currentTarget.value)}
          data-autofocus
        />
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
        <TextInput
          label={t("sites.fields.address")}
          name="address"
          autoComplete="street-address"
          readOnly={readOnly}
          value={values.address}
          error={errorFor("address")}
          onChange={(e) => set("address", e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t("sites.fields.latitude")}
            name="latitude"
            inputMode="decimal"
            placeholder="25.6866"
            description={t("sites.fields.latitudeHint")}
            readOnly={readOnly}
            value={values.latitude}
            error={errorFor("latitude")}
            onChange={(e) => set("latitude", e.currentTarget.value)}
          />
          <TextInput
            label={t("sites.fields.longitude")}
            name="longitude"
            inputMode="decimal"
            placeholder="-100.3161"
            description={t("sites.fields.longitudeHint")}
            readOnly={readOnly}
            value={values.longitude}
            error={errorFor("longitude")}
            onChange={(e) => set("longitude", e.currentTarget.value)}
          />
        </SimpleGrid>
        {!readOnly && (
          <Group justify="flex-end">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t("common.cancel")}
              </Button>
            )}
            <Button type="submit" loading={submitting} data-testid="site-submit">
              {mode === "create" ? t("sites.create") : t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
