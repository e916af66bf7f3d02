import { BarChart, DonutChart } from "@mantine/charts";
import { Box, Card, Group, RingProgress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useLang } from "../../lib/useLang";
import { type CategoryView, type FocusAreaView, pickLang } from "../criteria/api";
import { type Counts, type GapsResponse, PROFILE_STATUSES } from "./api";
import { STATUS_CHART_COLOR, StatusLegend } from "./status";

function add(a: Counts, b: Counts): Counts {
  const out = { total: a.total + b.total } as Counts;
  for (const s of PROFILE_STATUSES) out[s] = (a[s] ?? 0) + (b[s] ?? 0);
  return out;
}

/** "12 implemented, 3 partial, …" — the text alternative of a chart. */
function describe(t: TFunction, c: Counts): string {
  return PROFILE_STATUSES.filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${t(`status.${s}`).toLowerCase()}`)
    .join(", ");
}

function series(t: TFunction) {
  return PROFILE_STATUSES.map((s) => ({ name: s, label: t(`status.${s}`), color: STATUS_CHART_COLOR[s] }));
}

function scoreColor(score: number): string {
  if (score >= 85) return "green";
  if (score >= 60) return "yellow";
  return "red";
}

/** The overall score as a ring, and the donut of statuses. */
export function ScoreAndDonut({ gaps }: { gaps: GapsResponse }) {
  const { t } = useTranslation();
  const score = gaps.score === null ? null : Math.round(gaps.score);
  const donut = PROFILE_STATUSES.filter((s) => gaps.totals[s] > 0).map((s) => ({
    name: t(`status.${s}`),
    value: gaps.totals[s],
    color: STATUS_CHART_COLOR[s],
  }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Card withBorder padding="lg">
        <Title order={2} size="h5" mb="xs">
          {t("profile.gaps.score")}
        </Title>
        <Group wrap="nowrap">
          <RingProgress
            size={140}
            thickness={14}
            roundCaps
            sections={score ? [{ value: score, color: scoreColor(score) }] : []}
            label={
              <Text ta="center" fw={700} fz={26} data-testid="profile-score" data-score={score ?? ""}>
                {score === null ? "—" : `${score}%`}
              </Text>
            }
          />
          <Text size="sm" c="dimmed">
            {t("profile.gaps.scoreHelp")}
          </Text>
        </Group>
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h5" mb="xs">
          {t("profile.gaps.byStatus")}
        </Title>
        <Group wrap="nowrap" align="center">
          <Box role="img" aria-label={describe(t, gaps.totals)}>
            <DonutChart data={donut} size={130} thickness={22} chartLabel={gaps.totals.total} withTooltip tooltipDataSource="segment" />
          </Box>
          <Stack gap={4}>
            <StatusLegend counts={gaps.totals} />
          </Stack>
        </Group>
      </Card>
    </SimpleGrid>
  );
}

/** Stacked bars of statuses for each of the 12 categories (Must and Should together). */
export function CategoryChart({ gaps, categories }: { gaps: GapsResponse; categories: CategoryView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const wide = useMediaQuery("(min-width: 48em)");
  const rows = gaps.byCategory.map((c) => {
    const name = pickLang(categories.find((x) => x.id === c.categoryId)?.name ?? c.name, lang);
    return { label: wide ? `${c.categoryId}. ${name}` : String(c.categoryId), name, ...add(c.must, c.should) };
  });
  const summary = rows.map((r) => `${r.label}: ${describe(t, r)}`).join("; ");
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h5" mb="xs">
        {t("profile.gaps.byCategory")}
      </Title>
      <Box role="img" aria-label={summary} data-testid="profile-category-chart">
        <BarChart
          h={Math.max(200, rows.length * 30)}
          data={rows}
          dataKey="label"
          type="stacked"
          orientation="vertical"
          series={series(t)}
          yAxisProps={{ width: wide ? 230 : 32 }}
          gridAxis="none"
          tickLine="none"
        />
      </Box>
      <Box mt="sm">
        <StatusLegend />
      </Box>
    </Card>
  );
}

/** For each focus area, Must and Should side by side. */
export function FocusAreaSplit({ gaps, focusAreas }: { gaps: GapsResponse; focusAreas: FocusAreaView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h5" mb="xs">
        {t("profile.gaps.mustVsShould")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {gaps.byFocusArea.map((fa) => {
          const name = pickLang(focusAreas.find((x) => x.id === fa.focusAreaId)?.name ?? fa.name, lang);
          const rows = [
            { label: t("criteria.level.must"), ...fa.must },
            { label: t("criteria.level.should"), ...fa.should },
          ];
          const summary = `${name}. ${t("criteria.level.must")}: ${describe(t, fa.must)}. ${t("criteria.level.should")}: ${describe(t, fa.should)}.`;
          return (
            <Stack key={fa.focusAreaId} gap={4}>
              <Text size="sm" fw={600}>
                {name}
              </Text>
              <Box role="img" aria-label={summary}>
                <BarChart
                  h={110}
                  data={rows}
                  dataKey="label"
                  type="stacked"
                  orientation="vertical"
                  series={series(t)}
                  yAxisProps={{ width: 64 }}
                  gridAxis="none"
                  tickLine="none"
                />
              </Box>
              <Text size="xs" c="dimmed">
                {t("profile.gaps.metOf", {
                  met: fa.must.implemented,
                  total: fa.must.total - fa.must.not_applicable,
                  level: t("criteria.level.must"),
                })}
                {" · "}
                {t("profile.gaps.metOf", {
                  met: fa.should.implemented,
                  total: fa.should.total - fa.should.not_applicable,
                  level: t("criteria.level.should"),
                })}
              </Text>
            </Stack>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}
