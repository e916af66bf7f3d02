import { Anchor, Card, Group, RingProgress, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isForbidden } from "../../components/QueryError";
import { useGaps } from "./api";

/** Dashboard card: the profile score and the Musts not met, linking to the gap dashboard. */
export function ProfileSummaryCard() {
  const { t } = useTranslation();
  const gaps = useGaps();
  let body: ReactNode;
  if (gaps.isError) {
    body = (
      <Text size="sm" c="dimmed">
        {isForbidden(gaps.error) ? t("dashboard.noAccess") : t("dashboard.unavailable")}
      </Text>
    );
  } else if (gaps.isPending) {
    body = <Skeleton h={72} aria-label={t("common.loading")} />;
  } else if (gaps.data.totals.total === 0) {
    body = (
      <Text size="sm" c="dimmed">
        {t("profile.card.noEntityTypes")}{" "}
        <Anchor component={Link} to="/company" size="sm">
          {t("profile.empty.cta")}
        </Anchor>
      </Text>
    );
  } else {
    const score = gaps.data.score === null ? null : Math.round(gaps.data.score);
    const musts = gaps.data.attention.mustsNotMet;
    body = (
      <Group wrap="nowrap" gap="lg">
        <RingProgress
          size={84}
          thickness={9}
          roundCaps
          sections={score ? [{ value: score, color: score >= 85 ? "green" : score >= 60 ? "yellow" : "red" }] : []}
          label={
            <Text ta="center" fw={700} size="sm" data-testid="dashboard-profile-score">
              {score === null ? "—" : `${score}%`}
            </Text>
          }
        />
        <Stack gap={2}>
          <Text fz={28} fw={700} lh={1.1} c={musts > 0 ? "red.7" : "green.8"} data-testid="dashboard-profile-musts">
            {musts}
          </Text>
          <Text size="sm">{t("profile.card.mustsNotMet", { count: musts })}</Text>
        </Stack>
      </Group>
    );
  }
  return (
    <Card withBorder padding="lg" data-testid="dashboard-profile">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("profile.card.title")}
        </Title>
        <Anchor component={Link} to="/profile" size="sm" data-testid="dashboard-profile-link">
          {t("profile.card.open")}
        </Anchor>
      </Group>
      {body}
    </Card>
  );
}
