import {
  Badge,
  type ComboboxItem,
  type ComboboxParsedItem,
  Group,
  type OptionsFilter,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formError } from "../../api/errors";
import { FormActions, FormError } from "../../components/FormParts";
import { FormModal } from "../../components/form/FormModal";
import { useFormFields } from "../../components/form/useFormFields";
import { SearchSelect } from "../../components/SearchSelect";
import { rankedFilter } from "../../lib/selectFilter";
import { useLang } from "../../lib/useLang";
import { useEvidenceList } from "../evidence/api";
import { type CertificationInput, type PartnerCertification, useMraPrograms } from "./api";
import { CERTIFICATION_STATUSES, type CertificationStatus } from "./domain";
import { MraFacts, mraLabel } from "./MraProgram";
import { useAddCertification, useUpdateCertification } from "./records.api";
import { useRecordSave } from "./useRecordSave";

const FIELDS = ["program", "certificateId", "status", "validFrom", "validTo", "lastVerifiedOn", "evidenceId"] as const;
const CERTAINTY_COLOR = { verified: "teal", secondary: "gray", uncertain: "orange" } as const;

/** The shared ranked filter, applied inside each group (it only looks at plain options). */
const groupedFilter: OptionsFilter = (input) =>
  input.options.flatMap((o: ComboboxParsedItem) => {
    if (!("group" in o)) return rankedFilter({ ...input, options: [o] });
    const items = rankedFilter({ ...input, options: o.items }) as ComboboxItem[];
    return items.length > 0 ? [{ group: o.group, items }] : [];
  });

interface Values {
  program: string | null;
  certificateId: string;
  status: CertificationStatus;
  validFrom: string;
  validTo: string;
  lastVerifiedOn: string;
  evidenceId: string | null;
}

interface Props {
  partnerId: string;
  certification: PartnerCertification | null;
  opened: boolean;
  onClose: () => void;
}

/** Record or edit a CTPAT or MRA certification held by the partner. */
export function CertificationModal({ partnerId, certification, opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={certification ? t("partners.certifications.editTitle") : t("partners.certifications.newTitle")}
    >
      <CertificationForm partnerId={partnerId} certification={certification} onClose={onClose} />
    </FormModal>
  );
}

/** A searchable pick of the company's evidence (the certificate's scan, usually). */
function EvidenceSelect({ value, onChange, error }: { value: string | null; onChange: (v: string | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const list = useEvidenceList({ q, limit: 20, offset: 0 });
  const data = (list.data?.items ?? []).map((e) => ({ value: e.id, label: e.title }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: t("partners.certifications.linkedEvidence") });
  return (
    <SearchSelect
      label={t("partners.certifications.evidence")}
      description={t("partners.certifications.evidenceHint")}
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      error={error}
      data-testid="partner-cert-evidence"
    />
  );
}

function CertificationForm({ partnerId, certification: c, onClose }: Omit<Props, "opened">) {
  const { t } = useTranslation();
  const lang = useLang();
  const programs = useMraPrograms();
  const { save, error, pending } = useRecordSave({
    editingId: c?.id ?? null,
    add: useAddCertification(partnerId),
    update: useUpdateCertification(partnerId),
    toUpdate: (certificationId, body: CertificationInput) => ({ certificationId, body }),
    addedMessage: () => t("partners.certifications.added"),
    onDone: onClose,
  });
  const { values, set, errorFor, serverErrors, check, text } = useFormFields<Values>(
    () => ({
      program: c?.program ?? null,
      certificateId: c?.certificateId ?? "",
      status: (c?.status as CertificationStatus | undefined) ?? "active",
      validFrom: c?.validFrom ?? "",
      validTo: c?.validTo ?? "",
      lastVerifiedOn: c?.lastVerifiedOn ?? "",
      evidenceId: c?.evidenceId ?? null,
    }),
    error,
    FIELDS,
  );

  const byId = new Map((programs.data ?? []).map((p) => [p.id, p]));
  const programData = [
    { group: t("partners.certifications.groupCtpat"), items: [{ value: "ctpat", label: t("partners.certifications.ctpat") }] },
    {
      group: t("partners.certifications.groupMra"),
      items: (programs.data ?? []).map((p) => ({ value: p.id, label: mraLabel(p, lang) })),
    },
  ];
  const selected = values.program && values.program !== "ctpat" ? byId.get(values.program) : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!values.program) errs.program = t("validation.required");
    if (values.validFrom && values.validTo && values.validTo < values.validFrom) errs.validTo = t("partners.certifications.toBeforeFrom");
    const today = new Date().toISOString().slice(0, 10);
    if (values.lastVerifiedOn && values.lastVerifiedOn > today) errs.lastVerifiedOn = t("partners.certifications.notFuture");
    if (!check(errs)) return;
    save({
      program: values.program as string,
      certificateId: values.certificateId.trim() || null,
      status: values.status,
      validFrom: values.validFrom || null,
      validTo: values.validTo || null,
      lastVerifiedOn: values.lastVerifiedOn || null,
      evidenceId: values.evidenceId,
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="partner-cert-form">
      <Stack>
        <FormError message={formError(t, error, serverErrors)} />
        <SearchSelect
          label={t("partners.certifications.program")}
          required
          allowDeselect={false}
          data={programData}
          filter={groupedFilter}
          value={values.program}
          onChange={(v) => set("program", v)}
          error={errorFor("program")}
          disabled={programs.isPending}
          maxDropdownHeight={320}
          renderOption={({ option }) => {
            const p = byId.get(option.value);
            return (
              <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
                <Text size="sm">{option.label}</Text>
                {p && (
                  <Group gap={4} wrap="nowrap">
                    {p.disputed && (
                      <Badge size="xs" color="orange" variant="outline">
                        {t("partners.certifications.disputed")}
                      </Badge>
                    )}
                    <Badge size="xs" color={CERTAINTY_COLOR[p.certainty]} variant="light">
                      {t(`certainty.${p.certainty}`)}
                    </Badge>
                  </Group>
                )}
              </Group>
            );
          }}
          data-testid="partner-cert-program"
        />
        {selected && <MraFacts program={selected} />}
        {values.program === "ctpat" && (
          <Text size="xs" c="dimmed">
            {t("partners.certifications.ctpatHint")}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t("partners.certifications.certificateId")}
            {...text("certificateId")}
            maxLength={100}
            spellCheck={false}
            data-testid="partner-cert-id"
          />
          <SearchSelect
            label={t("partners.certifications.status")}
            allowDeselect={false}
            data={CERTIFICATION_STATUSES.map((s) => ({ value: s, label: t(`partners.certifications.statuses.${s}`) }))}
            value={values.status}
            onChange={(v) => v && set("status", v as CertificationStatus)}
            error={errorFor("status")}
            data-testid="partner-cert-status"
          />
          <TextInput type="date" label={t("partners.certifications.validFrom")} {...text("validFrom")} />
          <TextInput type="date" label={t("partners.certifications.validTo")} {...text("validTo")} />
          <TextInput
            type="date"
            label={t("partners.certifications.lastVerifiedOn")}
            description={t("partners.certifications.lastVerifiedHint")}
            {...text("lastVerifiedOn")}
          />
        </SimpleGrid>
        <EvidenceSelect value={values.evidenceId} onChange={(v) => set("evidenceId", v)} error={errorFor("evidenceId")} />
        <FormActions
          onCancel={onClose}
          submitLabel={c ? t("common.save") : t("partners.certifications.add")}
          loading={pending}
          testId="partner-cert-submit"
        />
      </Stack>
    </form>
  );
}
