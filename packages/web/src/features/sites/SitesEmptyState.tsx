import { Button, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IconSites } from "../../components/icons";

/** Shown when the company has no sites yet: what a site is and how to add one. */
export function SitesEmptyState({ onCreate }: { onCreate?: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" data-testid="sites-empty">
      <Stack align="center" ta="center" gap="sm" maw={560} mx="auto">
        <ThemeIcon size={48} radius="xl" variant="light">
          <IconSites />
        </ThemeIcon>
        <Title order={2} size="h3">
          {t("sites.empty.title")}
        </Title>
        <Text c="dimmed">{t("sites.empty.body")}</Text>
        <Text c="dimmed" size="sm">
          {t("sites.empty.examples")}
        </Text>
        {onCreate ? (
          <Button onClick={onCreate} data-testid="site-empty-create">
            {t("sites.empty.cta")}
          </Button>
        ) : (
          <Text size="sm">{t("sites.empty.askEditor")}</Text>
        )}
      </Stack>
    </Paper>
  );
}
