import { Button, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { IconVault } from "../../components/icons";

/** Shown while the vault is empty: what evidence is for, examples, and the way to add the first file. */
export function EvidenceEmptyState({ onUpload }: { onUpload?: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconVault size={26} />}
      title={t("evidence.empty.title")}
      body={t("evidence.empty.body")}
      maw={600}
      data-testid="evidence-empty"
    >
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
    </EmptyState>
  );
}
