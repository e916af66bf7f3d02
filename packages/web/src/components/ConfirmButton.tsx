import { Button, type ButtonProps, Group, Modal, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface Props extends ButtonProps {
  /** Dialog title. */
  title: string;
  /** Question shown in the dialog. */
  message: ReactNode;
  /** Label of the confirming button. */
  confirmLabel: string;
  onConfirm: () => void;
  children: ReactNode;
  "data-testid"?: string;
}

/** A button that asks for confirmation in a modal before running `onConfirm`. */
export function ConfirmButton({ title, message, confirmLabel, onConfirm, children, ...button }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button {...button} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t("common.cancel")}
          </Button>
          <Button
            color={button.color ?? "red"}
            data-autofocus
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
