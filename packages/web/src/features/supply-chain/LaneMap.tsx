import { useMemo } from "react";
import { type Lane, type MapLeg, useSupplyChainMap } from "./api";
import WorldMap from "./map/WorldMap";
import { RISK_ORDER } from "./palette";

/**
 * One lane on the world map, zoomed to its stops. Loaded lazily by the lane page, so the map data comes only
 * with the map. Leg risk comes from the supply-chain map (site owners and carrier); an archived lane is not on
 * that map, so its legs fall back to the worst risk of the partners owning their two ends.
 */
export default function LaneMap({
  lane,
  label,
  onNodeClick,
}: {
  lane: Lane;
  label: string;
  onNodeClick?: Parameters<typeof WorldMap>[0]["onNodeClick"];
}) {
  const map = useSupplyChainMap();
  const legs = useMemo<MapLeg[]>(() => {
    const onMap = new Map((map.data?.legs ?? []).filter((l) => l.laneId === lane.id).map((l) => [l.seq, l.risk]));
    const risk = new Map(lane.nodes.map((n) => [n.id, n.risk]));
    const worst = (a: string | null | undefined, b: string | null | undefined) =>
      [a, b].filter((r): r is string => !!r).sort((x, y) => RISK_ORDER.indexOf(y) - RISK_ORDER.indexOf(x))[0] ?? null;
    return lane.legs.map((l) => ({
      laneId: lane.id,
      laneName: lane.name,
      seq: l.seq,
      from: l.from,
      to: l.to,
      mode: l.mode,
      carrierPartnerId: l.carrierPartnerId,
      risk: onMap.has(l.seq) ? (onMap.get(l.seq) ?? null) : worst(risk.get(l.from), risk.get(l.to)),
    }));
  }, [lane, map.data]);
  const focus = useMemo(() => lane.nodes.map((n) => n.id), [lane.nodes]);
  return <WorldMap nodes={lane.nodes} legs={legs} shade={false} focusNodeIds={focus} label={label} onNodeClick={onNodeClick} />;
}
