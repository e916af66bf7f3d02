import { Alert, Anchor, AppShell, Burger, Divider, Group, ScrollArea, Stack, Text, useMantineTheme } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { Logo } from "../../components/Logo";
import { PageLoader } from "../../components/PageLoader";
import { useCurrentSession } from "../auth/session";
import { NotificationsBell } from "../notifications/NotificationsBell";
import { LanguageSwitch } from "./LanguageSwitch";
import { NavLinks } from "./NavLinks";
import { NewCompanyButton } from "./NewCompanyButton";
import { TenantSwitch } from "./TenantSwitch";
import { UserMenu } from "./UserMenu";

/** Header, navigation and the routed page. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const theme = useMantineTheme();
  // Render the tenant switcher once: in the header on wide screens, in the navbar on phones.
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true) ?? true;

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t("shell.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t("shell.closeMenu") : t("shell.openMenu")}
              aria-expanded={opened}
              aria-controls="main-navbar"
            />
            <Anchor component={Link} to="/" className="brand-link" underline="never" aria-label="Portcullis">
              <Group gap="xs" wrap="nowrap">
                <Logo />
                <Text fw={700} visibleFrom="xs">
                  Portcullis
                </Text>
              </Group>
            </Anchor>
            {wide && (
              <Group gap={6} wrap="nowrap">
                <TenantSwitch />
                <NewCompanyButton compact />
              </Group>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {session.tenant && <NotificationsBell />}
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navbar" aria-label={t("shell.navigation")}>
        <AppShell.Section grow component={ScrollArea} type="auto">
          <NavLinks onNavigate={close} />
        </AppShell.Section>
        {!wide && (
          <AppShell.Section>
            <Divider my="sm" />
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {t("shell.tenant")}
              </Text>
              <TenantSwitch w="100%" />
              <NewCompanyButton onCreated={close} />
            </Stack>
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {session.tenant ? (
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        ) : (
          <Alert color="yellow" title={t("shell.noTenantTitle")}>
            {t("shell.noTenant")}
          </Alert>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
