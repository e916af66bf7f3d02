import { Alert, Button, Group, SegmentedControl, type SegmentedControlProps, Stack, Text } from "@mantine/core";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";

/** The form-level error (anything the server did not pin to a field); renders nothing without one. */
export function FormError({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" data-testid={testId}>
      {message}
    </Alert>
  );
}

/** A short error line under a field or a list (red text, announced); renders nothing without one. */
export function InlineError({ message, size = "sm" }: { message: string | null | undefined; size?: "xs" | "sm" }) {
  if (!message) return null;
  return (
    <Text size={size} c="red" role="alert">
      {message}
    </Text>
  );
}

/** A SegmentedControl under a visible label that also names it for screen readers, with an optional hint below. */
export function LabelledSegments({ label, hint, ...props }: SegmentedControlProps & { label: string; hint?: ReactNode }) {
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={labelId} {...props} />
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

/** Cancel + submit row at the foot of a dialog form; without `onCancel` only the submit button shows. */
export function FormActions(props: {
  onCancel?: () => void;
  submitLabel: string;
  loading: boolean;
  testId: string;
  cancelDisabled?: boolean;
  /** Instead of "Cancel" (e.g. "Stop" while an upload runs). */
  cancelLabel?: string;
  cancelTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {props.onCancel && (
        <Button variant="default" onClick={props.onCancel} disabled={props.cancelDisabled} data-testid={props.cancelTestId}>
          {props.cancelLabel ?? t("common.cancel")}
        </Button>
      )}
      <Button type="submit" loading={props.loading} data-testid={props.testId}>
        {props.submitLabel}
      </Button>
    </Group>
  );
}
