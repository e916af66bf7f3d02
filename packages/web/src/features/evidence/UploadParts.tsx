import { Group, Progress, Stack, Text } from "@mantine/core";
import { Dropzone, type FileRejection } from "@mantine/dropzone";
import { useId } from "react";
import { IconFile, IconUpload, IconX } from "../../components/icons";
import { useLang } from "../../lib/useLang";
import { formatBytes } from "./EvidenceBits";

interface DropAreaProps {
  onFile: (file: File | null) => void;
  onReject: (rejections: FileRejection[]) => void;
  /** MIME types with their extensions, as the dropzone takes them. */
  accept: Record<string, string[]>;
  disabled?: boolean;
  /** The zone's accessible name. */
  label: string;
  title: string;
  hint: string;
  testId: string;
  /** Smaller, for a dialog with more fields below. */
  compact?: boolean;
}

/** A zone to drop or pick one file (it is a button to keyboards and screen readers). */
export function DropArea({ onFile, onReject, accept, disabled, label, title, hint, testId, compact }: DropAreaProps) {
  const hintId = useId();
  const icon = compact ? 32 : 36;
  return (
    <Dropzone
      onDrop={(files) => onFile(files[0] ?? null)}
      onReject={onReject}
      accept={accept}
      multiple={false}
      // The plain file input everywhere: the File System Access picker behaves differently per browser.
      useFsAccessApi={false}
      disabled={disabled}
      role="button"
      aria-label={label}
      aria-describedby={hintId}
      data-testid={testId}
      p="md"
    >
      <Group justify="center" gap="md" mih={compact ? 72 : 80} wrap="nowrap" style={{ pointerEvents: "none" }}>
        <Dropzone.Accept>
          <IconUpload size={icon} />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={icon} />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconFile size={icon} />
        </Dropzone.Idle>
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {title}
          </Text>
          <Text size="xs" c="dimmed" id={hintId}>
            {hint}
          </Text>
        </Stack>
      </Group>
    </Dropzone>
  );
}

/** The chosen file: its name (cut to fit) and size. */
export function SelectedFile({ file, testId }: { file: File; testId: string }) {
  const lang = useLang();
  return (
    <Group gap="xs" wrap="nowrap" data-testid={testId}>
      <IconFile />
      <Text size="sm" truncate="end" style={{ minWidth: 0 }}>
        {file.name}
      </Text>
      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
        {formatBytes(file.size, lang)}
      </Text>
    </Group>
  );
}

/** Upload progress (0–100); at 100 the bytes are in and `processing` says the server is still at work. */
export function UploadProgress({
  percent,
  label,
  processing,
  testId,
}: {
  percent: number;
  label: string;
  processing: string;
  testId: string;
}) {
  return (
    <Stack gap={2}>
      <Progress value={percent} animated={percent < 100} aria-label={label} data-testid={testId} />
      <Text size="xs" c="dimmed" aria-live="polite">
        {percent < 100 ? label : processing}
      </Text>
    </Stack>
  );
}
