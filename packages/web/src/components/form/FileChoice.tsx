import { Button, FileButton, Group, Text } from "@mantine/core";
import type { ComponentPropsWithoutRef } from "react";

interface FileChoiceProps {
  /** What the browser's picker offers (extensions and MIME types, comma separated). */
  accept: string;
  file: File | null;
  onFile: (file: File | null) => void;
  chooseLabel: string;
  /** Shown in place of the file name until one is chosen. */
  noFileLabel: string;
  disabled?: boolean;
  inputTestId: string;
  buttonTestId: string;
  nameTestId?: string;
}

/** A "choose file" button with the chosen file's name, or a placeholder, beside it. */
export function FileChoice({
  accept,
  file,
  onFile,
  chooseLabel,
  noFileLabel,
  disabled,
  inputTestId,
  buttonTestId,
  nameTestId,
}: FileChoiceProps) {
  return (
    <Group gap="sm" wrap="nowrap">
      <FileButton accept={accept} onChange={onFile} inputProps={{ "data-testid": inputTestId } as ComponentPropsWithoutRef<"input">}>
        {(props) => (
          <Button variant="default" {...props} disabled={disabled} data-testid={buttonTestId}>
            {chooseLabel}
          </Button>
        )}
      </FileButton>
      <Text size="sm" c={file ? undefined : "dimmed"} style={{ wordBreak: "break-all" }} data-testid={nameTestId}>
        {file ? file.name : noFileLabel}
      </Text>
    </Group>
  );
}
