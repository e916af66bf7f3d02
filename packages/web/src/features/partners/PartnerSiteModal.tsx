import { Modal, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, formError } from "../../api/errors";
import { CountrySelect } from "../../components/CountrySelect";
import { FormActions, FormError } from "../../components/FormParts";
import { SearchSelect } from "../../components/SearchSelect";
import { SITE_KINDS, type SiteKind } from "../../lib/constants";
import { parseCoordinate, type SiteFormValues, validateSite } from "../sites/siteForm";
import type { PartnerSite, PartnerSiteInput } from "./api";
import { useAddPartnerSite, useUpdatePartnerSite } from "./records.api";

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
  const phone = useMediaQuery("(max-width: 36em)");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={site ? t("partners.sites.editTitle") : t("partners.sites.newTitle")}
      size="lg"
      fullScreen={!!phone}
    >
      {opened && <SiteForm partnerId={partnerId} countryCode={countryCode} site={site} onClose={onClose} />}
    </Modal>
  );
}

function SiteForm({ partnerId, countryCode, site, onClose }: Omit<Props, "opened">) {
  const { t } = useTranslation();
  const add = useAddPartnerSite(partnerId);
  const update = useUpdatePartnerSite(partnerId);
  const mutation = site ? update : add;
  const [values, setValues] = useState<Values>(() => initial(site, countryCode));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = useMemo(() => fieldErrors(t, mutation.error, FIELDS), [t, mutation.error]);
  const errorFor = (f: string) => errors[f] ?? serverErrors[f];
  const set = <K extends keyof Values>(k: K, v: Values[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    setErrors(({ [k]: _gone, ...rest }) => rest);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validateSite(values, t);
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    const body: PartnerSiteInput = {
      name: values.name.trim(),
      kind: values.kind as SiteKind,
      countryCode: values.countryCode as string,
      address: values.address.trim() || null,
      latitude: parseCoordinate(values.latitude),
      longitude: parseCoordinate(values.longitude),
      externalKey: values.externalKey.trim() || null,
    };
    const done = () => {
      notifications.show({ color: "green", message: site ? t("common.saved") : t("partners.sites.added", { name: body.name }) });
      onClose();
    };
    if (site) update.mutate({ siteId: site.id, body }, { onSuccess: done });
    else add.mutate(body, { onSuccess: done });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="partner-site-form">
      <Stack>
        <FormError message={formError(t, mutation.error, serverErrors)} />
        <TextInput
          label={t("sites.fields.name")}
          name="name"
          required
          value={values.name}
          error={errorFor("name")}
          onChange={(e) => set("name", e.currentTarget.value)}
          maxLength={200}
          data-autofocus
        />
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
        <TextInput
          label={t("sites.fields.address")}
          name="address"
          value={values.address}
          error={errorFor("address")}
          onChange={(e) => set("address", e.currentTarget.value)}
          maxLength={1000}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t("sites.fields.latitude")}
            name="latitude"
            inputMode="decimal"
            placeholder="25.6866"
            description={t("sites.fields.latitudeHint")}
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
            value={values.longitude}
            error={errorFor("longitude")}
            onChange={(e) => set("longitude", e.currentTarget.value)}
          />
        </SimpleGrid>
        <TextInput
          label={t("partners.fields.externalKey")}
          description={t("partners.form.externalKeyHint")}
          name="externalKey"
          value={values.externalKey}
          error={errorFor("externalKey")}
          onChange={(e) => set("externalKey", e.currentTarget.value)}
          maxLength={100}
          spellCheck={false}
        />
        <FormActions
          onCancel={onClose}
          submitLabel={site ? t("common.save") : t("partners.sites.add")}
          loading={mutation.isPending}
          testId="partner-site-submit"
        />
      </Stack>
    </form>
  );
}
