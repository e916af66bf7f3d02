import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { countryName } from "../../../lib/countries";
import { useLang } from "../../../lib/useLang";
import type { MapLeg, MapNode } from "../api";

/** One "label: value" line of a tooltip; skipped without a value. */
function Line({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Text size="xs">
      <Text span c="dimmed" size="xs">
        {label}:
      </Text>{" "}
      {value}
    </Text>
  );
}

/** Hover/focus card of a map node: what it is, where, and the partner's standing. */
export function NodeTooltip({ node, certified }: { node: MapNode; certified?: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const partner = node.kind === "partner-site";
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {node.label}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`map.kinds.${node.kind}`)}
      </Text>
      <Line label={t("supplyChain.fields.country")} value={countryName(node.countryCode, lang)} />
      {partner && (
        <Line label={t("supplyChain.fields.status")} value={node.status ? t(`supplyChain.status.${node.status}`, node.status) : null} />
      )}
      {partner && (
        <Line label={t("supplyChain.fields.certified")} value={certified ? t(`supplyChain.certified.${certified}`, certified) : null} />
      )}
      <Line label={t("supplyChain.fields.risk")} value={node.risk ? t(`supplyChain.risk.${node.risk}`, node.risk) : null} />
    </Stack>
  );
}

/** Hover card of a lane leg: lane name, ends, mode and risk. */
export function LegTooltip({ leg, nodes }: { leg: MapLeg; nodes: ReadonlyMap<string, MapNode> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {leg.laneName}
      </Text>
      <Text size="xs">
        {nodes.get(leg.from)?.label ?? leg.from} → {nodes.get(leg.to)?.label ?? leg.to}
      </Text>
      <Line label={t("supplyChain.fields.mode")} value={t(`supplyChain.modes.${leg.mode}`)} />
      <Line label={t("supplyChain.fields.risk")} value={leg.risk ? t(`supplyChain.risk.${leg.risk}`, leg.risk) : null} />
    </Stack>
  );
}
