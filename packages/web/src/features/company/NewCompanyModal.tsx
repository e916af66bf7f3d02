import { Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage, fieldErrors, formError } from "../../api/errors";
import { CountrySelect } from "../../components/CountrySelect";
import { FormActions, FormError } from "../../components/FormParts";
import type { EntityType } from "../../lib/constants";
import { SESSION_KEY, useSwitchTenant } from "../auth/session";
import { useCreateTenant } from "./api";
import { EntityTypesSelect } from "./EntityTypesSelect";

const FIELDS = ["legalName", "entityTypes", "countryCode"] as const;

function NewCompanyForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const create = useCreateTenant();
  const switchTenant = useSwitchTenant();
  const [legalName, setLegalName] = useState("");
  const [entityTypes, setEntityTypes] = useState<EntityType[]>([]);
  const [countryCode, setCountryCode] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const clearError = (key: (typeof FIELDS)[number]) => setErrors(({ [key]: _removed, ...rest }) => rest);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending || switchTenant.isPending) return;
    const errs: Record<string, string> = {};
    if (!legalName.trim()) errs.legalName = t("validation.required");
    if (entityTypes.length === 0) errs.entityTypes = t("validation.entityTypes");
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      create.reset();
      return;
    }
    let tenantId: string;
    try {
      const body = { legalName: legalName.trim(), entityTypes, ...(countryCode ? { countryCode } : {}) };
      tenantId = (await create.mutateAsync(body)).id;
    } catch (err) {
      setErrors(fieldErrors(t, err, FIELDS));
      return;
    }
    // The company exists: work in it, then reload the session (memberships, role) and every query.
    try {
      await switchTenant.mutateAsync(tenantId);
      await qc.invalidateQueries({ queryKey: SESSION_KEY });
      navigate("/company");
      notifications.show({ color: "green", message: t("company.new.created") });
    } catch (err) {
      void qc.invalidateQueries({ queryKey: SESSION_KEY });
      notifications.show({ color: "red", message: t("company.new.switchFailed", { message: errorMessage(t, err) }) });
    }
    onDone();
  };

  const general = formError(t, create.error, errors);
  const busy = create.isPending || switchTenant.isPending;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("company.new.intro")}
        </Text>
        <FormError message={general} />
        <TextInput
          label={t("company.fields.legalName")}
          name="legalName"
          required
          data-autofocus
          maxLength={300}
          value={legalName}
          error={errors.legalName}
          onChange={(e) => {
            setLegalName(e.currentTarget.value);
            clearError("legalName");
          }}
        />
        <EntityTypesSelect
          data-testid="company-new-entity-types"
          required
          value={entityTypes}
          error={errors.entityTypes}
          comboboxProps={{ withinPortal: true }}
          onChange={(v) => {
            setEntityTypes(v);
            clearError("entityTypes");
          }}
        />
        <CountrySelect
          label={t("company.fields.countryCode")}
          data-testid="company-new-country"
          clearable
          value={countryCode}
          error={errors.countryCode}
          onChange={(v) => {
            setCountryCode(v);
            clearError("countryCode");
          }}
        />
        <FormActions
          onCancel={onCancel}
          cancelDisabled={busy}
          submitLabel={t("company.new.submit")}
          loading={busy}
          testId="company-new-submit"
        />
      </Stack>
    </form>
  );
}

/** "New company": create a company owned by the caller, switch to it and open its profile. */
export function NewCompanyModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated?: () => void }) {
  const { t } = useTranslation();
  const done = () => {
    onClose();
    onCreated?.();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t("company.new.title")}>
      {opened && <NewCompanyForm onDone={done} onCancel={onClose} />}
    </Modal>
  );
}
