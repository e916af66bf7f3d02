import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, formError } from "../../api/errors";
import type { CreatedToken } from "../../api/types";
import { FormActions, FormError } from "../../components/FormParts";
import { useCreateToken } from "./api";

const FIELDS = ["name", "expiresInDays"] as const;

function ShowToken({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="yellow" title={t("tokens.onceTitle")} role="alert">
        {t("tokens.onceBody")}
      </Alert>
      <TextInput
        label={t("tokens.secret")}
        value={created.token}
        readOnly
        ff="monospace"
        onFocus={(e) => e.currentTarget.select()}
        data-testid="token-secret"
      />
      <Group justify="space-between">
        <CopyButton value={created.token}>
          {({ copied, copy }) => (
            <Button color={copied ? "teal" : "blue"} onClick={copy} data-testid="token-copy">
              {copied ? t("common.copied") : t("common.copy")}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          {t("tokens.done")}
        </Button>
      </Group>
    </Stack>
  );
}

function CreateTokenForm({ onCreated, onCancel }: { onCreated: (c: CreatedToken) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t("validation.required");
    const d = days.trim() ? Number(days.trim()) : undefined;
    if (d !== undefined && (!Number.isInteger(d) || d < 1 || d > 3650)) errs.expiresInDays = t("validation.days");
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      create.reset();
      return;
    }
    create.mutate(
      { name: name.trim(), ...(d !== undefined ? { expiresInDays: d } : {}) },
      { onSuccess: onCreated, onError: (err) => setErrors(fieldErrors(t, err, FIELDS)) },
    );
  };

  const general = formError(t, create.error, errors);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={general} />
        <TextInput
          label={t("tokens.fields.name")}
          description={t("tokens.fields.nameHint")}
          name="name"
          required
          data-autofocus
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label={t("tokens.fields.expiresInDays")}
          description={t("tokens.fields.expiresInDaysHint")}
          name="expiresInDays"
          inputMode="numeric"
          value={days}
          error={errors.expiresInDays}
          onChange={(e) => setDays(e.currentTarget.value)}
        />
        <FormActions onCancel={onCancel} submitLabel={t("tokens.create")} loading={create.isPending} testId="token-submit" />
      </Stack>
    </form>
  );
}

/** Create a token; the secret is shown once, then the dialog can only be closed. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t("tokens.createdTitle", { name: created.item.name }) : t("tokens.createTitle")}
      closeOnClickOutside={!created}
    >
      {opened && (created ? <ShowToken created={created} onDone={close} /> : <CreateTokenForm onCreated={setCreated} onCancel={close} />)}
      {created && (
        <Text size="xs" c="dimmed" mt="sm">
          {t("tokens.prefixNote", { prefix: created.item.prefix })}
        </Text>
      )}
    </Modal>
  );
}
