import { ActionIcon, Button, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { IconPlus } from "../../components/icons";
import { NewCompanyModal } from "../company/NewCompanyModal";

/**
 * Opens "New company" next to the company switcher: an icon button in the header (`compact`), a full-width
 * button in the phone navbar. Rendered once, like the switcher. `onCreated` closes the phone navbar.
 */
export function NewCompanyButton({ compact = false, onCreated }: { compact?: boolean; onCreated?: () => void }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const label = t("shell.newCompany");

  return (
    <>
      {compact ? (
        <Tooltip label={label} events={{ hover: true, focus: true, touch: false }} withinPortal>
          <ActionIcon variant="default" size="lg" aria-label={label} aria-haspopup="dialog" onClick={open} data-testid="company-new">
            <IconPlus />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button
          variant="light"
          size="sm"
          fullWidth
          leftSection={<IconPlus />}
          aria-haspopup="dialog"
          onClick={open}
          data-testid="company-new"
        >
          {label}
        </Button>
      )}
      <NewCompanyModal opened={opened} onClose={close} onCreated={onCreated} />
    </>
  );
}
