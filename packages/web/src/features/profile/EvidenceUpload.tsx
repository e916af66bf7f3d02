import { Button, FileButton, Group, Progress, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type ComponentPropsWithoutRef, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { errorMessage } from "../../api/errors";
import { useRefreshProfile } from "./api";
import { uploadEvidence } from "./evidence-api";

/** The types the vault accepts (it checks the content again). */
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.heic,.docx,.xlsx,.pptx,.zip,.txt,.csv";

function titleFromName(name: string): string {
  return (
    name
      .replace(/\.[^.]+$/, "")
      .replace(/[_-]+/g, " ")
      .trim() || name
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Choose a file, give it a title and upload it into the vault, linked to this criterion. */
export function EvidenceUpload({ criterionId }: { criterionId: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshProfile();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const resetRef = useRef<() => void>(null);

  const choose = (f: File | null) => {
    setFile(f);
    setError(null);
    if (f) setTitle((old) => old || titleFromName(f.name));
  };

  const upload = async () => {
    if (!file) return;
    if (!title.trim()) {
      setError(t("validation.required"));
      return;
    }
    setError(null);
    setProgress(0);
    abort.current = new AbortController();
    try {
      const ev = await uploadEvidence({
        file,
        title: title.trim(),
        criterionId,
        onProgress: setProgress,
        signal: abort.current.signal,
      });
      notifications.show({ color: "green", message: t("profile.evidence.uploaded", { title: ev.title }) });
      setFile(null);
      setTitle("");
      resetRef.current?.();
      refresh(criterionId);
    } catch (e) {
      if (e instanceof DOMException && e.name === "AbortError") {
        setError(t("profile.evidence.cancelled"));
      } else if (isApiError(e) && e.status === 415) {
        setError(t("profile.evidence.unsupportedType"));
      } else if (isApiError(e) && e.status === 413) {
        setError(t("profile.evidence.tooLarge"));
      } else {
        setError(errorMessage(t, e));
      }
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const busy = progress !== null;
  const percent = Math.round((progress ?? 0) * 100);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t("profile.evidence.uploadTitle")}
      </Text>
      <Group gap="sm" align="center">
        <FileButton
          onChange={choose}
          resetRef={resetRef}
          disabled={busy}
          accept={ACCEPT}
          inputProps={{ "data-testid": "profile-evidence-input" } as ComponentPropsWithoutRef<"input">}
        >
          {(props) => (
            <Button variant="default" {...props} data-testid="profile-evidence-choose">
              {t("profile.evidence.choose")}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c={file ? undefined : "dimmed"} style={{ wordBreak: "break-all" }} data-testid="profile-evidence-filename">
          {file ? `${file.name} (${formatSize(file.size)})` : t("profile.evidence.noFile")}
        </Text>
      </Group>
      {file && (
        <>
          <TextInput
            label={t("profile.evidence.titleLabel")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            disabled={busy}
            data-testid="profile-evidence-title"
          />
          <Group gap="sm">
            <Button onClick={() => void upload()} loading={busy} data-testid="profile-evidence-upload">
              {t("profile.evidence.upload")}
            </Button>
            {busy && (
              <Button variant="subtle" color="gray" onClick={() => abort.current?.abort()}>
                {t("common.cancel")}
              </Button>
            )}
          </Group>
        </>
      )}
      {busy && (
        <Stack gap={2}>
          <Progress value={percent} animated aria-label={t("profile.evidence.progress")} data-testid="profile-evidence-progress" />
          <Text size="xs" c="dimmed" aria-live="polite">
            {t("profile.evidence.percent", { percent })}
          </Text>
        </Stack>
      )}
      {error && (
        <Text size="sm" c="red.7" role="alert" data-testid="profile-evidence-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}
