import { Anchor, List, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PartnerDetail } from "./api";

/** Lanes that pass through one of the partner's sites or use it as a carrier. */
export function LanesTab({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("partners.lanes.help")}
        </Text>
        {partner.lanes.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="partner-lanes-empty">
            {t("partners.lanes.none")}
          </Text>
        ) : (
          <List spacing={4} data-testid="partner-lanes">
            {partner.lanes.map((l) => (
              <List.Item key={l.id}>
                <Anchor component={Link} to={`/lanes/${l.id}`} data-testid="partner-lane-link">
                  {l.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
        <Anchor component={Link} to="/supply-chain" size="sm">
          {t("partners.lanes.map")}
        </Anchor>
      </Stack>
    </Paper>
  );
}
