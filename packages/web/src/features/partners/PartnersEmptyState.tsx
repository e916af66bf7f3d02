import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { IconCompany } from "../../components/icons";

/** No partners yet: what the registry is for, and the two ways to fill it (one by one, or from a file). */
export function PartnersEmptyState({ onCreate }: { onCreate?: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState icon={<IconCompany />} title={t("partners.empty.title")} body={t("partners.empty.body")} data-testid="partners-empty">
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
    </EmptyState>
  );
}
