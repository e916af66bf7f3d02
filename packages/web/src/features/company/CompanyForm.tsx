import { Button, Fieldset, Group, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, formError } from "../../api/errors";
import type { Tenant } from "../../api/types";
import { CountrySelect } from "../../components/CountrySelect";
import { FormError } from "../../components/FormParts";
import { SearchSelect } from "../../components/SearchSelect";
import { CTPAT_STATUSES, CTPAT_TIERS, type CtpatStatus } from "../../lib/constants";
import { useUpdateTenant } from "./api";
import { COMPANY_FIELDS, type CompanyValues, toPatch, toValues, validateCompany } from "./companyForm";
import { EntityTypesSelect } from "./EntityTypesSelect";

export function CompanyForm({ tenant, canEdit }: { tenant: Tenant; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateTenant();
  const [values, setValues] = useState<CompanyValues>(() => toValues(tenant));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const serverErrors = useMemo(() => fieldErrors(t, update.error, COMPANY_FIELDS), [t, update.error]);
  const errors = { ...serverErrors, ...clientErrors };
  const disabled = !canEdit;

  const set = <K extends keyof CompanyValues>(key: K, value: CompanyValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setClientErrors(({ [key]: _removed, ...rest }) => rest);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validateCompany(values, t);
    setClientErrors(errs);
    if (Object.keys(errs).length > 0) return;
    const patch = toPatch(values, tenant);
    if (Object.keys(patch).length === 0) {
      notifications.show({ message: t("company.noChanges") });
      return;
    }
    update.mutate(patch, { onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }) });
  };

  const general = formError(t, update.error, serverErrors);
  const dateInput = (key: "certifiedOn" | "lastValidatedOn" | "anniversaryDate") => (
    <TextInput
      type="date"
      label={t(`company.fields.${key}`)}
      name={key}
      disabled={disabled}
      value={values[key]}
      error={errors[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={general} />
        <Fieldset legend={t("company.sections.identity")} disabled={disabled}>
          <Stack>
            <TextInput
              label={t("company.fields.legalName")}
              name="legalName"
              required
              disabled={disabled}
              value={values.legalName}
              error={errors.legalName}
              onChange={(e) => set("legalName", e.currentTarget.value)}
            />
            <CountrySelect
              label={t("company.fields.countryCode")}
              data-testid="company-country"
              clearable
              disabled={disabled}
              value={values.countryCode}
              error={errors.countryCode}
              onChange={(v) => set("countryCode", v)}
            />
            <EntityTypesSelect
              data-testid="company-entity-types"
              required
              disabled={disabled}
              value={values.entityTypes}
              error={errors.entityTypes}
              onChange={(v) => set("entityTypes", v)}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t("company.sections.ctpat")} disabled={disabled}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t("company.fields.ctpatAccountNumber")}
                name="ctpatAccountNumber"
                disabled={disabled}
                value={values.ctpatAccountNumber}
                error={errors.ctpatAccountNumber}
                onChange={(e) => set("ctpatAccountNumber", e.currentTarget.value)}
              />
              <SearchSelect
                label={t("company.fields.ctpatStatus")}
                data-testid="company-status"
                allowDeselect={false}
                disabled={disabled}
                data={CTPAT_STATUSES.map((s) => ({ value: s, label: t(`ctpatStatus.${s}`) }))}
                value={values.ctpatStatus}
                error={errors.ctpatStatus}
                onChange={(v) => v && set("ctpatStatus", v as CtpatStatus)}
              />
              <SearchSelect
                label={t("company.fields.ctpatTier")}
                data-testid="company-tier"
                allowDeselect={false}
                disabled={disabled}
                data={[
                  { value: "none", label: t("ctpatTier.none") },
                  ...CTPAT_TIERS.map((s) => ({ value: s, label: t(`ctpatTier.${s}`) })),
                ]}
                value={values.ctpatTier}
                error={errors.ctpatTier}
                onChange={(v) => v && set("ctpatTier", v as CompanyValues["ctpatTier"])}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {dateInput("certifiedOn")}
              {dateInput("lastValidatedOn")}
              {dateInput("anniversaryDate")}
            </SimpleGrid>
          </Stack>
        </Fieldset>
        {canEdit && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setValues(toValues(tenant))} disabled={update.isPending}>
              {t("common.reset")}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="company-submit">
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
