import { Anchor, Group, RingProgress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DashboardCard } from "../dashboard/DashboardCard";
import { type GapsResponse, useGaps } from "./api";

/** Dashboard card: the profile score and the Musts not met, linking to the gap dashboard. */
export function ProfileSummaryCard() {
  const { t } = useTranslation();
  const gaps = useGaps();
  return (
    <DashboardCard
      title={t("profile.card.title")}
      testId="dashboard-profile"
      link={{ to: "/profile", label: t("profile.card.open"), testId: "dashboard-profile-link" }}
      query={gaps}
    >
      {(data) => (data.totals.total === 0 ? <NoEntityTypes /> : <ScoreAndMusts gaps={data} />)}
    </DashboardCard>
  );
}

/** Nothing to score until the company says what kinds of entity it is. */
function NoEntityTypes() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t("profile.card.noEntityTypes")}{" "}
      <Anchor component={Link} to="/company" size="sm">
        {t("profile.empty.cta")}
      </Anchor>
    </Text>
  );
}

function ScoreAndMusts({ gaps }: { gaps: GapsResponse }) {
  const { t } = useTranslation();
  const score = gaps.score === null ? null : Math.round(gaps.score);
  const musts = gaps.attention.mustsNotMet;
  return (
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
