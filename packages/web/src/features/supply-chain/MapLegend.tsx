import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Legend, LineSwatch, ShapeSwatch } from "./Legend";
import { SHADE_STEPS, shadeFor } from "./map/mapModel";
import { LANE_MODES } from "./nodes";
import { CERTIFIED_COLORS, MODE_DASH, OWN_COLOR, PORT_COLOR, RISK_COLORS, STATUS_COLORS, UNKNOWN_COLOR } from "./palette";

/** What the map's colors, line styles, shapes and shading mean. */
export function MapLegend({ colorBy, shade }: { colorBy: "status" | "certified"; shade: boolean }) {
  const { t } = useTranslation();
  const palette = colorBy === "certified" ? CERTIFIED_COLORS : STATUS_COLORS;
  return (
    <Stack gap={6} data-testid="map-legend">
      <Legend
        title={t("map.legend.laneRisk")}
        items={[
          ...Object.entries(RISK_COLORS).map(([risk, color]) => ({
            key: risk,
            label: t(`supplyChain.risk.${risk}`),
            swatch: <LineSwatch color={color} />,
          })),
          { key: "unknown", label: t("supplyChain.unknown"), swatch: <LineSwatch color={UNKNOWN_COLOR} /> },
        ]}
      />
      <Legend
        title={t("map.legend.modes")}
        items={LANE_MODES.map((m) => ({
          key: m,
          label: t(`supplyChain.modes.${m}`),
          swatch: <LineSwatch color={PORT_COLOR} dash={MODE_DASH[m]} />,
        }))}
      />
      <Legend
        title={t("map.legend.places")}
        items={[
          { key: "site", label: t("map.kinds.site"), swatch: <ShapeSwatch shape="square" color={OWN_COLOR} /> },
          { key: "port", label: t("map.kinds.port"), swatch: <ShapeSwatch shape="diamond" color={PORT_COLOR} /> },
          ...Object.entries(palette).map(([value, color]) => ({
            key: value,
            label: t(`supplyChain.${colorBy}.${value}`),
            swatch: <ShapeSwatch shape="circle" color={color} />,
          })),
        ]}
      />
      {shade && (
        <Legend
          title={t("map.legend.shading")}
          items={SHADE_STEPS.map((min, i) => {
            const next = SHADE_STEPS[i + 1];
            return {
              key: String(min),
              label: next === undefined ? `${min}+` : next - 1 === min ? String(min) : `${min}–${next - 1}`,
              swatch: shadeFor(min) ?? UNKNOWN_COLOR,
            };
          })}
        />
      )}
    </Stack>
  );
}
