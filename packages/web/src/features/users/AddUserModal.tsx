import { Modal, PasswordInput, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, formError } from "../../api/errors";
import { FormActions, FormError } from "../../components/FormParts";
import { SearchSelect } from "../../components/SearchSelect";
import { ROLES, type Role } from "../../lib/constants";
import { useAddMember } from "./api";

const FIELDS = ["email", "displayName", "role", "password"] as const;

function AddUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddMember();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role | null>("analyst");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) errs.email = t("validation.email");
    if (!displayName.trim()) errs.displayName = t("validation.required");
    if (!role) errs.role = t("validation.required");
    if (password && password.length < 12) errs.password = t("validation.passwordLength", { count: 12 });
    setErrors(errs);
    if (Object.keys(errs).length > 0 || !role) {
      add.reset();
      return;
    }
    const body = { email: email.trim(), displayName: displayName.trim(), role, ...(password ? { password } : {}) };
    add.mutate(body, {
      onSuccess: (m) => {
        notifications.show({ color: "green", message: t("users.added", { email: m.email }) });
        onDone();
      },
      onError: (err) => setErrors(fieldErrors(t, err, FIELDS)),
    });
  };

  const general = formError(t, add.error, errors);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={general} />
        <TextInput
          label={t("users.fields.email")}
          name="email"
          type="email"
          required
          data-autofocus
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <TextInput
          label={t("users.fields.displayName")}
          name="displayName"
          required
          value={displayName}
          error={errors.displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
        />
        <SearchSelect
          label={t("users.fields.role")}
          required
          allowDeselect={false}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          error={errors.role}
          onChange={(v) => setRole(v as Role | null)}
          data-testid="user-role"
        />
        <PasswordInput
          label={t("users.fields.password")}
          description={t("users.fields.passwordHint")}
          name="password"
          autoComplete="new-password"
          value={password}
          error={errors.password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <FormActions onCancel={onDone} submitLabel={t("users.add")} loading={add.isPending} testId="user-submit" />
      </Stack>
    </form>
  );
}

export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("users.addTitle")}>
      {opened && <AddUserForm onDone={onClose} />}
    </Modal>
  );
}
