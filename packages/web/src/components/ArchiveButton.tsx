import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../api/errors";
import { ConfirmButton } from "./ConfirmButton";

/** The part of a react-query mutation that archives one record. */
interface ArchiveMutation {
  isPending: boolean;
  mutate: (variables: undefined, options: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
}

/**
 * The red "Archive" action of a detail page: asks first, then archives and reports the outcome as a
 * notification. `onArchived` runs after the success message (to leave the page, say).
 */
export function ArchiveButton({
  mutation,
  label,
  title,
  message,
  doneMessage,
  onArchived,
  "data-testid": testId,
}: {
  mutation: ArchiveMutation;
  /** The button's and the confirming button's label. */
  label: string;
  title: string;
  message: string;
  doneMessage: string;
  onArchived?: () => void;
  "data-testid": string;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      variant="light"
      color="red"
      loading={mutation.isPending}
      title={title}
      message={message}
      confirmLabel={label}
      data-testid={testId}
      onConfirm={() =>
        mutation.mutate(undefined, {
          onSuccess: () => {
            notifications.show({ color: "green", message: doneMessage });
            onArchived?.();
          },
          onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
        })
      }
    >
      {label}
    </ConfirmButton>
  );
}
