import { Anchor, Badge, Box, Group, Loader, Stack, Text, UnstyledButton } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Lane, MapLeg } from "./api";
import { ModeBadges, RouteChips } from "./LaneSummary";
import { RISK_COLORS, RISK_ORDER } from "./palette";

/** The worst risk over a lane's legs on the map, or null when none is known. */
function laneRisks(legs: readonly MapLeg[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const leg of legs) {
    if (!leg.risk) continue;
    const prev = out.get(leg.laneId);
    if (!prev || RISK_ORDER.indexOf(leg.risk) > RISK_ORDER.indexOf(prev)) out.set(leg.laneId, leg.risk);
  }
  return out;
}

/**
 * The lanes beside the map, and the map's text alternative: every drawn lane is listed with its route,
 * modes and risk. Hover or focus highlights a lane on the map; choosing it zooms there.
 */
export function LaneSideList({
  lanes,
  loading,
  total,
  capped,
  legs,
  selected,
  onHover,
  onSelect,
}: {
  lanes: Lane[];
  loading: boolean;
  total: number;
  capped: boolean;
  legs: readonly MapLeg[];
  selected: string | null;
  onHover: (id: string | null) => void;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const risks = useMemo(() => laneRisks(legs), [legs]);
  if (loading) return <Loader size="sm" aria-label={t("common.loading")} />;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="map-lane-count">
        {capped ? t("map.lanesCapped", { shown: lanes.length, total }) : t("map.lanesShown", { count: lanes.length })}
      </Text>
      <Box mah="min(60vh, 520px)" style={{ overflowY: "auto", overflowX: "hidden" }} pr={4}>
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }} aria-label={t("map.listLabel")}>
          {lanes.map((lane) => {
            const risk = risks.get(lane.id);
            const active = lane.id === selected;
            return (
              <li key={lane.id}>
                <UnstyledButton
                  onClick={() => onSelect(lane.id)}
                  onMouseEnter={() => onHover(lane.id)}
                  onMouseLeave={() => onHover(null)}
                  onFocus={() => onHover(lane.id)}
                  onBlur={() => onHover(null)}
                  aria-pressed={active}
                  w="100%"
                  p="xs"
                  data-testid="map-lane-row"
                  data-lane-id={lane.id}
                  style={{
                    borderRadius: "var(--mantine-radius-sm)",
                    border: `1px solid ${active ? "var(--mantine-primary-color-filled)" : "var(--mantine-color-default-border)"}`,
                    background: active ? "var(--mantine-primary-color-light)" : undefined,
                  }}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
                    <Text size="sm" fw={600} lineClamp={1}>
                      {lane.name}
                    </Text>
                    {risk && (
                      <Badge size="xs" color={RISK_COLORS[risk] ?? "gray"} variant="light">
                        {t(`supplyChain.risk.${risk}`, risk)}
                      </Badge>
                    )}
                  </Group>
                  <RouteChips lane={lane} />
                  <Group justify="space-between" mt={4}>
                    <ModeBadges modes={lane.modes} />
                  </Group>
                </UnstyledButton>
                {active && (
                  <Anchor component={Link} to={`/lanes/${lane.id}`} size="sm" ml="xs" data-testid="map-lane-open">
                    {t("map.openLane")}
                  </Anchor>
                )}
              </li>
            );
          })}
        </Stack>
      </Box>
      {lanes.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="map-lanes-empty">
          {t("map.noLanes")}
        </Text>
      )}
    </Stack>
  );
}
