import { Alert, Button, Group, Modal, Progress, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { Dropzone } from "@mantine/dropzone";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLang } from "../../lib/useLang";
import { formatBytes } from "../evidence/EvidenceBits";
import { IconFile, IconUpload, IconX } from "../evidence/icons";
import { isAbort, uploadErrorMessage } from "../evidence/upload";
import { LIST_SOURCES, type ListSource, useListUpload } from "./screening.api";

const ACCEPT: Record<string, string[]> = {
  "text/csv": [".csv"],
  "application/vnd.ms-excel": [".csv"],
  "text/plain": [".csv", ".txt"],
  "application/xml": [".xml"],
  "text/xml": [".xml"],
};

/** A first guess of the source from the file name: XML is OFAC's SDN, an "sdn" CSV too, any other CSV the CSL. */
export function guessSource(fileName: string): ListSource {
  const n = fileName.toLowerCase();
  if (n.endsWith(".xml")) return "sdn-xml";
  return /sdn/.test(n) ? "sdn-csv" : "csl";
}

/** Upload an official denied-party list file; the server reads it, stores the entries and rescreens every partner. */
export function ListUploadModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery("(max-width: 36em)");
  return (
    <Modal opened={opened} onClose={onClose} title={t("screening.upload.title")} size="lg" fullScreen={!!phone} closeOnClickOutside={false}>
      {opened && <UploadForm onClose={onClose} />}
    </Modal>
  );
}

function UploadForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const upload = useListUpload();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [source, setSource] = useState<ListSource>("csl");
  const [fileError, setFileError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const onFile = (f: File | null) => {
    setFile(f);
    setFileError(null);
    if (!f) return;
    setSource(guessSource(f.name));
    if (!name.trim()) setName(f.name.replace(/\.[^.]+$/, "").slice(0, 200));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) setFileError(t("screening.upload.chooseFile"));
    if (!name.trim()) setNameError(t("validation.required"));
    if (!file || !name.trim()) return;
    upload.mutate(
      { file, name: name.trim(), source },
      {
        onSuccess: (r) => {
          notifications.show({
            color: r.matches.length > 0 ? "orange" : "green",
            message: t("screening.upload.done", { entries: r.list.entryCount, screened: r.screened, count: r.matches.length }),
          });
          onClose();
        },
      },
    );
  };

  const busy = upload.isPending;
  const error = upload.error && !isAbort(upload.error) ? uploadErrorMessage(t, upload.error) : null;
  return (
    <form onSubmit={submit} noValidate data-testid="screening-upload-form">
      <Stack>
        <Alert color="blue" data-testid="screening-upload-offline">
          {t("screening.offlineNote")}
        </Alert>
        <Dropzone
          onDrop={(files) => onFile(files[0] ?? null)}
          onReject={() => setFileError(t("screening.upload.wrongType"))}
          accept={ACCEPT}
          multiple={false}
          useFsAccessApi={false}
          disabled={busy}
          role="button"
          aria-label={t("screening.upload.dropLabel")}
          data-testid="screening-dropzone"
          p="md"
        >
          <Group justify="center" gap="md" mih={72} wrap="nowrap" style={{ pointerEvents: "none" }}>
            <Dropzone.Accept>
              <IconUpload size={32} />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconX size={32} />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconFile size={32} />
            </Dropzone.Idle>
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t("screening.upload.dropTitle")}
              </Text>
              <Text size="xs" c="dimmed">
                {t("screening.upload.dropHint")}
              </Text>
            </Stack>
          </Group>
        </Dropzone>
        {fileError && (
          <Text size="sm" c="red" role="alert">
            {fileError}
          </Text>
        )}
        {file && (
          <Group gap="xs" wrap="nowrap" data-testid="screening-selected-file">
            <IconFile />
            <Text size="sm" truncate="end" style={{ minWidth: 0 }}>
              {file.name}
            </Text>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {formatBytes(file.size, lang)}
            </Text>
          </Group>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="screening-source-label">
            {t("screening.upload.source")}
          </Text>
          <SegmentedControl
            aria-labelledby="screening-source-label"
            orientation="horizontal"
            fullWidth
            data={LIST_SOURCES.map((s) => ({ value: s, label: t(`screening.sources.${s}`) }))}
            value={source}
            onChange={(v) => setSource(v as ListSource)}
            disabled={busy}
            data-testid="screening-source"
          />
          <Text size="xs" c="dimmed">
            {t(`screening.sourceHelp.${source}`)}
          </Text>
        </Stack>
        <TextInput
          label={t("screening.upload.name")}
          required
          value={name}
          maxLength={200}
          error={nameError}
          disabled={busy}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setNameError(null);
          }}
          data-testid="screening-list-name"
        />
        {upload.progress !== null && (
          <Stack gap={2}>
            <Progress
              value={upload.progress}
              animated={upload.progress < 100}
              aria-label={t("screening.upload.progress", { percent: upload.progress })}
              data-testid="screening-upload-progress"
            />
            <Text size="xs" c="dimmed" aria-live="polite">
              {upload.progress < 100 ? t("screening.upload.progress", { percent: upload.progress }) : t("screening.upload.processing")}
            </Text>
          </Stack>
        )}
        {error && (
          <Alert color="red" role="alert" data-testid="screening-upload-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={busy ? upload.cancel : onClose} data-testid="screening-upload-cancel">
            {busy ? t("screening.upload.stop") : t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy} data-testid="screening-upload-submit">
            {t("screening.upload.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
