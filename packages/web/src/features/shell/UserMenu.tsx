import { Avatar, Button, Menu, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage } from "../../api/errors";
import { IconChevronDown, IconLogout } from "../../components/icons";
import { useCurrentSession, useLogout } from "../auth/session";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts[1]?.[0] ?? ""}` : name.slice(0, 2)).toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const { user, role } = useCurrentSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const name = user.displayName || user.email;

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate("/login", { replace: true }),
      onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
    });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          px="xs"
          data-testid="user-menu"
          leftSection={
            <Avatar size="sm" color="blue" radius="xl" aria-hidden="true">
              {initials(name)}
            </Avatar>
          }
          rightSection={<IconChevronDown />}
        >
          <Text size="sm" visibleFrom="md" truncate="end" maw={180}>
            {name}
          </Text>
          <VisuallyHidden>{t("shell.userMenu")}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.email}
          {role ? ` · ${t(`roles.${role}`)}` : ""}
        </Menu.Label>
        <Menu.Item leftSection={<IconLogout />} onClick={onLogout} data-testid="logout">
          {t("shell.logout")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
