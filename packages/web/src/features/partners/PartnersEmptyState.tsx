import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { IconCompany } from "../../components/icons";

/** No partners yet: what the registry is for, and the two ways to fill it (one by one, or from a file). */
export function PartnersEmptyState({ onCreate }: { onCreate?: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" data-testid="partners-empty">
      <Stack align="center" ta="center" gap="sm" maw={560} mx="auto">
        <ThemeIcon size={48} radius="xl" variant="light">
          <IconCompany />
        </ThemeIcon>
        <Title order={2} size="h3">
          {t("partners.empty.title")}
        </Title>
        <Text c="dimmed">{t("partners.empty.body")}</Text>
        {onCreate ? (
          <Group justify="center">
            <Button onClick={onCreate} data-testid="partners-empty-create">
              {t("partners.empty.create")}
            </Button>
            <Button component={Link} to="/imports?kind=partners" variant="default" data-testid="partners-empty-import">
              {t("partners.empty.import")}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t("partners.empty.askEditor")}</Text>
        )}
      </Stack>
    </Paper>
  );
}
