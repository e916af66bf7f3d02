import { SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formError } from "../../api/errors";
import { CountrySelect } from "../../components/CountrySelect";
import { FormActions, FormError } from "../../components/FormParts";
import { FormModal } from "../../components/form/FormModal";
import { useFormFields } from "../../components/form/useFormFields";
import { SearchSelect } from "../../components/SearchSelect";
import { SITE_KINDS, type SiteKind } from "../../lib/constants";
import { parseCoordinate, type SiteFormValues, validateSite } from "../sites/siteForm";
import type { PartnerSite, PartnerSiteInput } from "./api";
import { ExternalKeyInput } from "./ExternalKeyInput";
import { useAddPartnerSite, useUpdatePartnerSite } from "./records.api";
import { useRecordSave } from "./useRecordSave";

const FIELDS = ["name", "kind", "countryCode", "address", "latitude", "longitude", "externalKey"] as const;

type Values = SiteFormValues & { externalKey: string };

function initial(site: PartnerSite | null, countryCode: string): Values {
  return {
    name: site?.name ?? "",
    kind: site?.kind ?? null,
    countryCode: site?.countryCode ?? countryCode,
    address: site?.address ?? "",
    latitude: site?.latitude == null ? "" : String(site.latitude),
    longitude: site?.longitude == null ? "" : String(site.longitude),
    externalKey: site?.externalKey ?? "",
  };
}

interface Props {
  partnerId: string;
  /** The partner's country: a sensible default for a new site. */
  countryCode: string;
  /** null: a new site. */
  site: PartnerSite | null;
  opened: boolean;
  onClose: () => void;
}

/** Add or edit a partner site, with optional coordinates (they place it on the supply chain map). */
export function PartnerSiteModal({ partnerId, countryCode, site, opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={site ? t("partners.sites.editTitle") : t("partners.sites.newTitle")}>
      <SiteForm partnerId={partnerId} countryCode={countryCode} site={site} onClose={onClose} />
    </FormModal>
  );
}

function SiteForm({ partnerId, countryCode, site, onClose }: Omit<Props, "opened">) {
  const { t } = useTranslation();
  const { save, error, pending } = useRecordSave({
    editingId: site?.id ?? null,
    add: useAddPartnerSite(partnerId),
    update: useUpdatePartnerSite(partnerId),
    toUpdate: (siteId, body: PartnerSiteInput) => ({ siteId, body }),
    addedMessage: (body) => t("partners.sites.added", { name: body.name }),
    onDone: onClose,
  });
  const { values, set, errorFor, serverErrors, check, text } = useFormFields<Values>(() => initial(site, countryCode), error, FIELDS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!check(validateSite(values, t))) return;
    save({
      name: values.name.trim(),
      kind: values.kind as SiteKind,
      countryCode: values.countryCode as string,
      address: values.address.trim() || null,
      latitude: parseCoordinate(values.latitude),
      longitude: parseCoordinate(values.longitude),
      externalKey: values.externalKey.trim() || null,
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="partner-site-form">
      <Stack>
        <FormError message={formError(t, error, serverErrors)} />
        <TextInput label={t("sites.fields.name")} required {...text("name")} maxLength={200} data-autofocus />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <SearchSelect
            label={t("sites.fields.kind")}
            required
            allowDeselect={false}
            data={SITE_KINDS.map((k) => ({ value: k, label: t(`siteKinds.${k}`) }))}
            value={values.kind}
            error={errorFor("kind")}
            onChange={(v) => set("kind", v as SiteKind | null)}
            data-testid="partner-site-kind"
          />
          <CountrySelect
            label={t("sites.fields.country")}
            required
            value={values.countryCode}
            error={errorFor("countryCode")}
            onChange={(v) => set("countryCode", v)}
            data-testid="partner-site-country"
          />
        </SimpleGrid>
        <TextInput label={t("sites.fields.address")} {...text("address")} maxLength={1000} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t("sites.fields.latitude")}
            inputMode="decimal"
            placeholder="25.6866"
            description={t("sites.fields.latitudeHint")}
            {...text("latitude")}
          />
          <TextInput
            label={t("sites.fields.longitude")}
            inputMode="decimal"
            placeholder="-100.3161"
            description={t("sites.fields.longitudeHint")}
            {...text("longitude")}
          />
        </SimpleGrid>
        <ExternalKeyInput {...text("externalKey")} />
        <FormActions
          onCancel={onClose}
          submitLabel={site ? t("common.save") : t("partners.sites.add")}
          loading={pending}
          testId="partner-site-submit"
        />
      </Stack>
    </form>
  );
}
