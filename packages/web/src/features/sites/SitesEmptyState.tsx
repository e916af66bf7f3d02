import { Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { IconSites } from "../../components/icons";

/** Shown when the company has no sites yet: what a site is and how to add one. */
export function SitesEmptyState({ onCreate }: { onCreate?: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState icon={<IconSites />} title={t("sites.empty.title")} body={t("sites.empty.body")} data-testid="sites-empty">
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
    </EmptyState>
  );
}
