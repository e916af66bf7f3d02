import { Button, List, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IconVault } from "../../components/icons";

/** Shown while the vault is empty: what evidence is for, examples, and the way to add the first file. */
export function EvidenceEmptyState({ onUpload }: { onUpload?: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" data-testid="evidence-empty">
      <Stack align="center" ta="center" gap="sm" maw={600} mx="auto">
        <ThemeIcon size={48} radius="xl" variant="light">
          <IconVault size={26} />
        </ThemeIcon>
        <Title order={2} size="h3">
          {t("evidence.empty.title")}
        </Title>
        <Text c="dimmed">{t("evidence.empty.body")}</Text>
        <List size="sm" c="dimmed" ta="left" spacing={4}>
          <List.Item>{t("evidence.empty.example1")}</List.Item>
          <List.Item>{t("evidence.empty.example2")}</List.Item>
          <List.Item>{t("evidence.empty.example3")}</List.Item>
        </List>
        <Text c="dimmed" size="sm">
          {t("evidence.empty.integrity")}
        </Text>
        {onUpload ? (
          <Button onClick={onUpload} data-testid="evidence-empty-upload">
            {t("evidence.empty.cta")}
          </Button>
        ) : (
          <Text size="sm">{t("evidence.empty.askEditor")}</Text>
        )}
      </Stack>
    </Paper>
  );
}
