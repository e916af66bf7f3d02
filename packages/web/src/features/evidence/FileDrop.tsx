import { Group, Progress, Stack, Text } from "@mantine/core";
import { Dropzone, type FileRejection } from "@mantine/dropzone";
import { useTranslation } from "react-i18next";
import { useLang } from "../../lib/useLang";
import { formatBytes } from "./EvidenceBits";
import { IconFile, IconUpload, IconX } from "./icons";

/**
 * The types the vault accepts (the server checks the content again). Extensions are listed too
 * because browsers report some of them (CSV, HEIC) with an empty or unexpected MIME type.
 */
export const ACCEPTED_FILES: Record<string, string[]> = {
  "application/pdf": [".pdf"],
  "image/png": [".png", ".apng"],
  "image/jpeg": [".jpg", ".jpeg", ".jpe", ".jfif"],
  "image/gif": [".gif"],
  "image/webp": [".webp"],
  "image/heic": [".heic", ".heif"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": [".pptx"],
  "application/zip": [".zip"],
  "text/plain": [".txt", ".text", ".log", ".md"],
  "text/csv": [".csv"],
  "text/tab-separated-values": [".tsv"],
};

interface Props {
  file: File | null;
  onFile: (file: File | null) => void;
  /** Shown under the zone (e.g. "choose a file"). */
  error?: string | null;
  onReject: (message: string) => void;
  disabled?: boolean;
  /** 0–100 while uploading, null otherwise. */
  progress: number | null;
}

/** Drop or pick one file; shows the chosen file and, while sending, a real progress bar. */
export function FileDrop({ file, onFile, error, onReject, disabled, progress }: Props) {
  const { t } = useTranslation();
  const lang = useLang();

  const rejected = (rejections: FileRejection[]) => {
    const code = rejections[0]?.errors[0]?.code;
    onReject(code === "file-invalid-type" ? t("evidence.upload.errors.unsupported") : t("evidence.upload.errors.oneFile"));
  };

  return (
    <Stack gap="xs">
      <Dropzone
        onDrop={(files) => onFile(files[0] ?? null)}
        onReject={rejected}
        accept={ACCEPTED_FILES}
        multiple={false}
        // The plain file input everywhere: the File System Access picker behaves differently per browser.
        useFsAccessApi={false}
        disabled={disabled}
        role="button"
        aria-label={t("evidence.upload.dropLabel")}
        aria-describedby="evidence-drop-hint"
        data-testid="evidence-dropzone"
        p="md"
      >
        <Group justify="center" gap="md" mih={80} wrap="nowrap" style={{ pointerEvents: "none" }}>
          <Dropzone.Accept>
            <IconUpload size={36} />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={36} />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconFile size={36} />
          </Dropzone.Idle>
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t("evidence.upload.dropTitle")}
            </Text>
            <Text size="xs" c="dimmed" id="evidence-drop-hint">
              {t("evidence.upload.dropHint")}
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {file && (
        <Group gap="xs" wrap="nowrap" data-testid="evidence-selected-file">
          <IconFile />
          <Text size="sm" truncate="end" style={{ minWidth: 0 }}>
            {file.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {formatBytes(file.size, lang)}
          </Text>
        </Group>
      )}
      {progress !== null && (
        <Stack gap={2}>
          <Progress
            value={progress}
            animated={progress < 100}
            aria-label={t("evidence.upload.progress", { percent: progress })}
            data-testid="evidence-upload-progress"
          />
          <Text size="xs" c="dimmed" aria-live="polite">
            {progress < 100 ? t("evidence.upload.progress", { percent: progress }) : t("evidence.upload.processing")}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
