import { Alert, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormActions, InlineError, LabelledSegments } from "../../components/FormParts";
import { FormModal } from "../../components/form/FormModal";
import { DropArea, SelectedFile, UploadProgress } from "../evidence/UploadParts";
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
  return (
    <FormModal opened={opened} onClose={onClose} title={t("screening.upload.title")} closeOnClickOutside={false}>
      <UploadForm onClose={onClose} />
    </FormModal>
  );
}

function UploadForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
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
        <DropArea
          onFile={onFile}
          onReject={() => setFileError(t("screening.upload.wrongType"))}
          accept={ACCEPT}
          disabled={busy}
          label={t("screening.upload.dropLabel")}
          title={t("screening.upload.dropTitle")}
          hint={t("screening.upload.dropHint")}
          testId="screening-dropzone"
          compact
        />
        <InlineError message={fileError} />
        {file && <SelectedFile file={file} testId="screening-selected-file" />}
        <LabelledSegments
          label={t("screening.upload.source")}
          hint={t(`screening.sourceHelp.${source}`)}
          orientation="horizontal"
          fullWidth
          data={LIST_SOURCES.map((s) => ({ value: s, label: t(`screening.sources.${s}`) }))}
          value={source}
          onChange={(v) => setSource(v as ListSource)}
          disabled={busy}
          data-testid="screening-source"
        />
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
          <UploadProgress
            percent={upload.progress}
            label={t("screening.upload.progress", { percent: upload.progress })}
            processing={t("screening.upload.processing")}
            testId="screening-upload-progress"
          />
        )}
        {error && (
          <Alert color="red" role="alert" data-testid="screening-upload-error">
            {error}
          </Alert>
        )}
        <FormActions
          onCancel={busy ? upload.cancel : onClose}
          cancelLabel={busy ? t("screening.upload.stop") : undefined}
          cancelTestId="screening-upload-cancel"
          submitLabel={t("screening.upload.submit")}
          loading={busy}
          testId="screening-upload-submit"
        />
      </Stack>
    </form>
  );
}
