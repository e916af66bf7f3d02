import { Alert, Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The form-level error (anything the server did not pin to a field); renders nothing without one. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}

/** Cancel + submit row at the foot of a dialog form. */
export function FormActions(props: {
  onCancel: () => void;
  submitLabel: string;
  loading: boolean;
  testId: string;
  cancelDisabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel} disabled={props.cancelDisabled}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={props.loading} data-testid={props.testId}>
        {props.submitLabel}
      </Button>
    </Group>
  );
}
