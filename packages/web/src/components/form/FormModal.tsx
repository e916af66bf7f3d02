import { Modal, type ModalProps, useMantineTheme } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { UseMutationResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";

interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: ModalProps["size"];
  /** The dialog fills the screen below this breakpoint (phones, by default). */
  fullScreenBelow?: "xs" | "sm";
  /** False where a stray click outside would throw away a long form. */
  closeOnClickOutside?: boolean;
  children: ReactNode;
}

/**
 * A dialog around a form, full screen on small screens. The form mounts only while the dialog is open, so every
 * opening starts from fresh values.
 */
export function FormModal({ opened, onClose, title, size = "lg", fullScreenBelow = "xs", closeOnClickOutside, children }: FormModalProps) {
  const theme = useMantineTheme();
  const small = useMediaQuery(`(max-width: ${theme.breakpoints[fullScreenBelow]})`);
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} fullScreen={!!small} closeOnClickOutside={closeOnClickOutside}>
      {opened && children}
    </Modal>
  );
}

/** What a create dialog hands its form. */
export interface CreateFormProps<TBody> {
  submitting: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (body: TBody) => void;
}

interface CreateModalProps<TBody, TRecord> extends Omit<FormModalProps, "children" | "closeOnClickOutside"> {
  create: UseMutationResult<TRecord, Error, TBody>;
  /** The green note once the record exists. */
  createdMessage: (record: TRecord) => string;
  /** The new record's page, opened once it is saved; without it the user stays where they are. */
  pathOf?: (record: TRecord) => string;
  children: (form: CreateFormProps<TBody>) => ReactNode;
}

/**
 * A "New …" dialog: sends the form's body with `create`, confirms, closes and opens the new record. Closing
 * forgets the last error, so the next opening starts clean; an outside click does not close it.
 */
export function CreateModal<TBody, TRecord>({
  create,
  createdMessage,
  pathOf,
  children,
  onClose,
  ...modal
}: CreateModalProps<TBody, TRecord>) {
  const navigate = useNavigate();
  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (body: TBody) =>
    create.mutate(body, {
      onSuccess: (record) => {
        notifications.show({ color: "green", message: createdMessage(record) });
        close();
        if (pathOf) navigate(pathOf(record));
      },
    });
  return (
    <FormModal {...modal} onClose={close} closeOnClickOutside={false}>
      {children({ submitting: create.isPending, error: create.error, onCancel: close, onSubmit: submit })}
    </FormModal>
  );
}
