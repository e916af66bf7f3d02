import { Badge, Group, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Lane, NodeInfo } from "./api";
import { LineSwatch } from "./Legend";
import { laneStops } from "./nodes";
import { MODE_DASH, PORT_COLOR } from "./palette";

/** Stops shown in full before the middle ones fold into "+N". */
const MAX_STOPS = 4;

/** Display label of a node key, from a lane's resolved nodes. */
export function nodeLabel(nodes: readonly NodeInfo[], key: string): string {
  return nodes.find((n) => n.id === key)?.label ?? key;
}

/** Origin → … → destination as chips; long routes fold their middle stops into a "+N" chip with a tooltip. */
export function RouteChips({ lane }: { lane: Pick<Lane, "legs" | "nodes"> }) {
  const { t } = useTranslation();
  const stops = laneStops(lane.legs);
  if (stops.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("lanes.noLegs")}
      </Text>
    );
  const folded = stops.length > MAX_STOPS ? stops.slice(1, -2) : [];
  const shown = folded.length ? [stops[0]!, null, ...stops.slice(-2)] : stops;
  return (
    <Group gap={4} wrap="wrap" aria-label={t("lanes.routeLabel", { route: stops.map((s) => nodeLabel(lane.nodes, s)).join(" → ") })}>
      {shown.map((key, i) => (
        <Group key={key ?? "folded"} gap={4} wrap="nowrap" miw={0} maw="100%">
          {i > 0 && (
            <Text span size="xs" c="dimmed" aria-hidden>
              →
            </Text>
          )}
          {key === null ? (
            <Tooltip label={folded.map((k) => nodeLabel(lane.nodes, k)).join(" → ")} multiline maw={320}>
              <Badge variant="outline" color="gray" size="sm" tabIndex={0}>
                {t("lanes.moreStops", { count: folded.length })}
              </Badge>
            </Tooltip>
          ) : (
            <NodeChip node={lane.nodes.find((n) => n.id === key)} fallback={key} />
          )}
        </Group>
      ))}
    </Group>
  );
}

/** Long place names (border crossings) shrink with an ellipsis instead of overflowing the row. */
const CHIP_STYLES = {
  root: { maxWidth: "100%", minWidth: 0, flexShrink: 1 },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" as const },
};

/** One stop: own sites, partner sites and ports look different; missing nodes are flagged. */
export function NodeChip({ node, fallback }: { node: NodeInfo | undefined; fallback: string }) {
  const { t } = useTranslation();
  const color = !node || node.missing ? "red" : node.kind === "site" ? "indigo" : node.kind === "port" ? PORT_COLOR : "teal";
  return (
    <Badge
      variant="light"
      color={color}
      size="sm"
      tt="none"
      styles={CHIP_STYLES}
      title={node ? `${node.label} (${t(`map.kinds.${node.kind}`)})` : fallback}
    >
      {node?.label ?? fallback}
      {node?.missing ? ` (${t("lanes.missingNode")})` : ""}
    </Badge>
  );
}

/** The transport modes of a lane, each with its line style from the map legend. */
export function ModeBadges({ modes }: { modes: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {modes.map((m) => (
        <Badge key={m} variant="default" size="sm" leftSection={<LineSwatch color="currentColor" dash={MODE_DASH[m]} />} tt="none">
          {t(`supplyChain.modes.${m}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Distinct carriers of a lane's legs. */
export function laneCarriers(lane: Pick<Lane, "legs">): { id: string; name: string }[] {
  const out = new Map<string, string>();
  for (const leg of lane.legs) if (leg.carrier) out.set(leg.carrier.id, leg.carrier.name);
  return [...out].map(([id, name]) => ({ id, name }));
}
