import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { type EvidenceView, invalidateEvidence } from "./api";
import { type UploadOptions, uploadMultipart } from "./upload";

type Vars = Omit<UploadOptions, "onProgress" | "signal">;

/**
 * A multipart upload with progress (0–100, null when idle) and a cancel. Cancelling aborts the
 * request; the server then stores neither a file nor a row.
 */
export function useUpload(evidenceId?: string) {
  const qc = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);

  const mutation = useMutation({
    mutationFn: (vars: Vars) => {
      controller.current = new AbortController();
      setProgress(0);
      return uploadMultipart<EvidenceView>({ ...vars, onProgress: setProgress, signal: controller.current.signal });
    },
    onSuccess: (view) => invalidateEvidence(qc, evidenceId ?? view.id),
    onSettled: () => {
      controller.current = null;
      setProgress(null);
    },
  });

  const cancel = () => controller.current?.abort();
  const reset = () => {
    cancel();
    mutation.reset();
    setProgress(null);
  };
  return { ...mutation, progress, cancel, reset };
}
