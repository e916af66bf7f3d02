import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/FormParts";
import { FileDrop } from "./FileDrop";
import { isAbort, uploadErrorMessage } from "./upload";
import { useUpload } from "./useUpload";

/** Upload a replacement file; it becomes the current version and earlier versions stay downloadable. */
export function NewVersionModal({
  evidenceId,
  nextVersion,
  opened,
  onClose,
}: {
  evidenceId: string;
  nextVersion: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("evidence.versions.newTitle", { version: nextVersion })} closeOnClickOutside={false}>
      {opened && <VersionForm evidenceId={evidenceId} onClose={onClose} />}
    </Modal>
  );
}

function VersionForm({ evidenceId, onClose }: { evidenceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const upload = useUpload(evidenceId);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [note, setNote] = useState("");

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFileError(t("evidence.upload.errors.noFile"));
      return;
    }
    upload.mutate(
      { path: `/evidence/${encodeURIComponent(evidenceId)}/versions`, file, fields: { note: note.trim() || undefined } },
      {
        onSuccess: (view) => {
          notifications.show({ color: "green", message: t("evidence.versions.uploadedVersion", { version: view.currentVersion }) });
          onClose();
        },
      },
    );
  };

  const busy = upload.isPending;
  const error = upload.error && !isAbort(upload.error) ? uploadErrorMessage(t, upload.error) : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("evidence.versions.newHint")}
        </Text>
        <FormError message={error} />
        <FileDrop
          file={file}
          onFile={(f) => {
            setFile(f);
            setFileError(null);
          }}
          error={fileError}
          onReject={setFileError}
          disabled={busy}
          progress={upload.progress}
        />
        <TextInput
          label={t("evidence.versions.note")}
          placeholder={t("evidence.versions.notePlaceholder")}
          name="note"
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          disabled={busy}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={busy ? upload.cancel : onClose}>
            {busy ? t("evidence.upload.cancelUpload") : t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy} data-testid="evidence-version-submit">
            {t("evidence.versions.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
