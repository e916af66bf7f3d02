import { Button, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { IconAudit } from "../../components/icons";
import { isAdmin } from "../../lib/constants";
import { useCurrentSession } from "../auth/session";

/** The profile needs the company's entity types to know which criteria apply. */
export function NoEntityTypes() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  return (
    <Paper withBorder p="xl" data-testid="profile-empty">
      <Stack align="center" ta="center" gap="sm" maw={560} mx="auto">
        <ThemeIcon size={48} radius="xl" variant="light">
          <IconAudit />
        </ThemeIcon>
        <Title order={2} size="h3">
          {t("profile.empty.title")}
        </Title>
        <Text c="dimmed">{t("profile.empty.body")}</Text>
        <Button component={Link} to="/company" data-testid="profile-empty-company">
          {t("profile.empty.cta")}
        </Button>
        {!isAdmin(role) && (
          <Text size="sm" c="dimmed">
            {t("profile.empty.askAdmin")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
