import { Stack } from "@mantine/core";
import type { FileRejection } from "@mantine/dropzone";
import { useTranslation } from "react-i18next";
import { InlineError } from "../../components/FormParts";
import { DropArea, SelectedFile, UploadProgress } from "./UploadParts";

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

  const rejected = (rejections: FileRejection[]) => {
    const code = rejections[0]?.errors[0]?.code;
    onReject(code === "file-invalid-type" ? t("evidence.upload.errors.unsupported") : t("evidence.upload.errors.oneFile"));
  };

  return (
    <Stack gap="xs">
      <DropArea
        onFile={onFile}
        onReject={rejected}
        accept={ACCEPTED_FILES}
        disabled={disabled}
        label={t("evidence.upload.dropLabel")}
        title={t("evidence.upload.dropTitle")}
        hint={t("evidence.upload.dropHint")}
        testId="evidence-dropzone"
      />
      <InlineError message={error} />
      {file && <SelectedFile file={file} testId="evidence-selected-file" />}
      {progress !== null && (
        <UploadProgress
          percent={progress}
          label={t("evidence.upload.progress", { percent: progress })}
          processing={t("evidence.upload.processing")}
          testId="evidence-upload-progress"
        />
      )}
    </Stack>
  );
}
