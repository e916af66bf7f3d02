import { Grid, Group, Paper, SegmentedControl, Stack, Switch, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { useUrlFilters } from "../../lib/useUrlFilters";
import { type MapNode, useLanes, useSupplyChainGraph, useSupplyChainMap } from "./api";
import { LaneFilters, laneMatches, readLaneFilters } from "./LaneFilters";
import { LaneSideList } from "./LaneSideList";
import { MapLegend } from "./MapLegend";
import WorldMap from "./map/WorldMap";

/** Side list size: the lanes API pages at 200 at most. */
const LIST_LIMIT = 200;

/** Tab "World map": the offline map, its legend, and the filterable lane list that is its text twin. */
export default function MapView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = useUrlFilters(["q"]);
  const filters = readLaneFilters(params);
  const map = useSupplyChainMap();
  const lanes = useLanes({ q: filters.q, countryCode: filters.country, partnerId: filters.partner, limit: LIST_LIMIT, offset: 0 });
  const [hovered, setHovered] = useState<string | null>(null);
  const selected = params.get("lane");
  const colorBy = params.get("nodes") === "certified" ? "certified" : "status";
  const shade = params.get("shade") !== "0";

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const listed = useMemo(() => (lanes.data?.items ?? []).filter((l) => laneMatches(l, filters)), [lanes.data, filters]);
  // Certification is a partner fact the map payload does not carry; the tier graph has it for every live partner.
  const graph = useSupplyChainGraph(colorBy === "certified");
  const certified = useMemo(
    () => (graph.data ? new Map(graph.data.nodes.filter((n) => n.certified).map((n) => [n.id, n.certified as string])) : null),
    [graph.data],
  );
  const laneCount = useMemo(() => new Set((map.data?.legs ?? []).map((l) => l.laneId)).size, [map.data]);
  const filtering = !!(filters.q || filters.country || filters.partner || filters.mode);
  const highlight = useMemo(() => {
    if (hovered) return new Set([hovered]);
    if (selected) return new Set([selected]);
    return filtering ? new Set(listed.map((l) => l.id)) : null;
  }, [hovered, selected, filtering, listed]);
  const focusNodes = useMemo(() => {
    const lane = selected ? lanes.data?.items.find((l) => l.id === selected) : undefined;
    return lane ? lane.nodes.map((n) => n.id) : null;
  }, [selected, lanes.data]);

  if (map.isError) return <QueryError error={map.error} onRetry={() => void map.refetch()} />;
  if (map.isPending) return <PageLoader />;

  const { nodes, legs } = map.data;
  const openNode = (node: MapNode) => {
    if (node.kind === "site") navigate(`/sites/${node.id.slice("site:".length)}`);
    else if (node.partnerId) navigate(`/partners/${node.partnerId}`);
  };

  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Group gap="xs">
              <Text size="sm">{t("map.colorNodesBy")}</Text>
              <SegmentedControl
                size="xs"
                value={colorBy}
                onChange={(v) => setParam("nodes", v === "certified" ? v : null)}
                data={[
                  { value: "status", label: t("supplyChain.fields.status") },
                  { value: "certified", label: t("supplyChain.fields.certified") },
                ]}
                data-testid="map-color-by"
              />
            </Group>
            <Switch
              size="sm"
              label={t("map.shadeCountries")}
              checked={shade}
              onChange={(e) => setParam("shade", e.currentTarget.checked ? null : "0")}
              data-testid="map-shade"
            />
          </Group>
          <WorldMap
            nodes={nodes}
            legs={legs}
            highlight={highlight}
            colorBy={colorBy}
            shade={shade}
            certified={certified}
            onLaneClick={(id) => setParam("lane", id === selected ? null : id)}
            onNodeClick={openNode}
            focusNodeIds={focusNodes ?? (selected ? [] : null)}
            label={t("map.label", { lanes: laneCount, nodes: nodes.length })}
          />
          <MapLegend colorBy={colorBy} shade={shade} />
          {nodes.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="map-empty">
              {t("map.empty")}
            </Text>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <LaneFilters filters={filters} q={search.q} onQ={search.setQ} onChange={setParam} />
            {lanes.isError ? (
              <QueryError error={lanes.error} onRetry={() => void lanes.refetch()} />
            ) : (
              <LaneSideList
                lanes={listed}
                loading={lanes.isPending}
                total={lanes.data?.total ?? 0}
                capped={(lanes.data?.total ?? 0) > LIST_LIMIT}
                legs={legs}
                selected={selected}
                onHover={setHovered}
                onSelect={(id) => setParam("lane", id === selected ? null : id)}
              />
            )}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
