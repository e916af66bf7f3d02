import { Button, FileButton, Group, Progress, Stack, Text } from "@mantine/core";
import { type ComponentPropsWithoutRef, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isAbort } from "../evidence/upload";
import type { ItemEvidence } from "../questionnaires/api";
import { type PartnerItem, uploadPartnerEvidence } from "./api";
import { portalError } from "./messages";

/** The types the vault accepts (the server checks the content again). */
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.heic,.docx,.xlsx,.pptx,.zip,.txt,.csv";

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The files attached to an answer and, while the item is open, a button to attach one more (with progress). */
export function EvidenceAttach(props: {
  criterionId: string;
  evidence: ItemEvidence[];
  editable: boolean;
  onUploaded: (item: PartnerItem) => void;
}) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const resetRef = useRef<() => void>(null);

  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setFileName(file.name);
    setProgress(0);
    abort.current = new AbortController();
    try {
      props.onUploaded(
        await uploadPartnerEvidence({ criterionId: props.criterionId, file, onProgress: setProgress, signal: abort.current.signal }),
      );
    } catch (e) {
      setError(isAbort(e) ? t("portal.evidence.cancelled") : portalError(t, e, "upload"));
    } finally {
      setProgress(null);
      setFileName(null);
      abort.current = null;
      resetRef.current?.();
    }
  };

  const busy = progress !== null;
  return (
    <Stack gap={6}>
      {props.evidence.length > 0 && (
        <Stack gap={2} data-testid="portal-evidence-list">
          <Text size="xs" c="dimmed">
            {t("portal.evidence.attached", { count: props.evidence.length })}
          </Text>
          {props.evidence.map((e) => (
            <Text key={e.id} size="sm" style={{ wordBreak: "break-all" }} data-testid="portal-evidence-file">
              📎 {e.filename} <Text span size="xs" c="dimmed">{`(${formatSize(e.sizeBytes)})`}</Text>
            </Text>
          ))}
        </Stack>
      )}
      {props.editable && (
        <Group gap="sm">
          <FileButton
            onChange={(f) => void upload(f)}
            resetRef={resetRef}
            disabled={busy}
            accept={ACCEPT}
            inputProps={{ "data-testid": "portal-evidence-input" } as ComponentPropsWithoutRef<"input">}
          >
            {(p) => (
              <Button variant="default" size="xs" {...p} data-testid="portal-evidence-attach">
                {t("portal.evidence.attach")}
              </Button>
            )}
          </FileButton>
          {busy && (
            <Button variant="subtle" color="gray" size="xs" onClick={() => abort.current?.abort()}>
              {t("common.cancel")}
            </Button>
          )}
        </Group>
      )}
      {busy && (
        <Stack gap={2}>
          <Progress value={progress ?? 0} animated aria-label={t("portal.evidence.progress")} data-testid="portal-evidence-progress" />
          <Text size="xs" c="dimmed" aria-live="polite">
            {t("portal.evidence.uploading", { name: fileName ?? "", percent: progress ?? 0 })}
          </Text>
        </Stack>
      )}
      {error && (
        <Text size="sm" c="red.7" role="alert" data-testid="portal-evidence-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}
