import { ActionIcon, Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { SearchSelect } from "../../components/SearchSelect";
import { type GraphNode, type SupplyChainGraph, useSupplyChainGraph } from "./api";
import { GraphCanvas, type GraphCanvasHandle } from "./graph/GraphCanvas";
import { GraphTable } from "./graph/GraphTable";
import { buildGraphModel, nodeValue } from "./graph/graphModel";
import type { FrameStats } from "./graph/measure";
import { syntheticGraph } from "./graph/synthetic";
import { Legend } from "./Legend";
import { graphNodePartnerId } from "./nodes";
import { COLOR_BY, type ColorBy, OWN_COLOR, paletteFor, UNKNOWN_COLOR } from "./palette";

/** Tab "Tier graph": the canvas (or its table twin), a search that centres on a node, colors by status/risk/certification. */
export default function GraphView() {
  const [params] = useSearchParams();
  // Development builds only: ?demo=5000 swaps in a generated graph to check frame times at scale.
  const demo = import.meta.env.DEV ? Number(params.get("demo")) || 0 : 0;
  const graph = useSupplyChainGraph(demo === 0);
  const demoGraph = useMemo(() => (demo > 0 ? syntheticGraph(demo) : null), [demo]);
  const data = demoGraph ?? graph.data;
  if (!data) {
    if (graph.isError) return <QueryError error={graph.error} onRetry={() => void graph.refetch()} />;
    return <PageLoader />;
  }
  return <GraphExplorer graph={data} demo={demo > 0} />;
}

function GraphExplorer({ graph, demo }: { graph: SupplyChainGraph; demo: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const model = useMemo(() => buildGraphModel(graph), [graph]);
  const canvas = useRef<GraphCanvasHandle>(null);
  const colorBy: ColorBy = (COLOR_BY as readonly string[]).includes(params.get("color") ?? "")
    ? (params.get("color") as ColorBy)
    : "status";
  const asTable = params.get("display") === "table";
  const [selected, setSelected] = useState<string | null>(null);
  const [stats, setStats] = useState<{ pan: FrameStats; full: FrameStats } | null>(null);

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

  const options = useMemo(
    () => graph.nodes.map((n) => ({ value: n.id, label: n.label })).sort((a, b) => a.label.localeCompare(b.label)),
    [graph.nodes],
  );
  const tierLabel = useCallback((tier: number) => (tier === 0 ? t("tierGraph.company") : t("tierGraph.tier", { tier })), [t]);
  const open = (node: GraphNode) => {
    const partnerId = graphNodePartnerId(node);
    if (partnerId && !demo) navigate(`/partners/${partnerId}`);
  };
  const selectedNode = selected ? graph.nodes[model.index.get(selected) ?? -1] : undefined;
  const palette = paletteFor(colorBy);
  const label = t("tierGraph.label", { nodes: graph.nodes.length, tiers: model.tiers.length });

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm">
          <SearchSelect
            label={t("tierGraph.search")}
            placeholder={t("tierGraph.searchPlaceholder")}
            data={options}
            limit={30}
            value={selected}
            onChange={(id) => {
              setSelected(id);
              if (id && !asTable) canvas.current?.centerOn(id);
            }}
            clearable
            w={{ base: "100%", xs: 280 }}
            data-testid="graph-search"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("tierGraph.colorBy")}
            </Text>
            <SegmentedControl
              value={colorBy}
              onChange={(v) => setParam("color", v === "status" ? null : v)}
              data={COLOR_BY.map((c) => ({ value: c, label: t(`tierGraph.colorByOptions.${c}`) }))}
              data-testid="graph-color-by"
            />
          </Stack>
          <SegmentedControl
            value={asTable ? "table" : "graph"}
            onChange={(v) => setParam("display", v === "table" ? "table" : null)}
            data={[
              { value: "graph", label: t("tierGraph.showGraph") },
              { value: "table", label: t("tierGraph.showTable") },
            ]}
            data-testid="graph-display"
          />
        </Group>
      </Paper>
      <Legend
        title={t(`tierGraph.colorByOptions.${colorBy}`)}
        items={[
          { key: "own", label: t("tierGraph.company"), swatch: OWN_COLOR },
          ...Object.entries(palette).map(([value, color]) => ({ key: value, label: t(`supplyChain.${colorBy}.${value}`), swatch: color })),
          { key: "unknown", label: t("supplyChain.unknown"), swatch: UNKNOWN_COLOR },
        ]}
        testId="graph-legend"
      />
      {asTable ? (
        <GraphTable model={model} colorBy={colorBy} selected={selected} onOpen={open} />
      ) : (
        <>
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {t("tierGraph.help")}
            </Text>
            <Group gap={4}>
              <ActionIcon variant="default" onClick={() => canvas.current?.zoomBy(1.5)} aria-label={t("map.zoomIn")}>
                +
              </ActionIcon>
              <ActionIcon variant="default" onClick={() => canvas.current?.zoomBy(1 / 1.5)} aria-label={t("map.zoomOut")}>
                −
              </ActionIcon>
              <Button size="compact-sm" variant="default" onClick={() => canvas.current?.fit()} data-testid="graph-fit">
                {t("tierGraph.fit")}
              </Button>
            </Group>
          </Group>
          <GraphCanvas
            ref={canvas}
            model={model}
            colorBy={colorBy}
            selected={selected}
            onSelect={(n) => setSelected(n?.id ?? null)}
            onOpen={open}
            tierLabel={tierLabel}
            label={graph.nodes.length ? label : t("tierGraph.empty")}
            renderTip={(n) => <NodeFacts node={n} tierLabel={tierLabel} />}
            h="min(70vh, 640px)"
          />
          {selectedNode && (
            <Paper withBorder p="sm" data-testid="graph-selected">
              <Group justify="space-between" align="flex-start">
                <NodeFacts node={selectedNode} tierLabel={tierLabel} />
                {graphNodePartnerId(selectedNode) && !demo && (
                  <Anchor component={Link} to={`/partners/${graphNodePartnerId(selectedNode)}`} size="sm">
                    {t("tierGraph.openPartner")}
                  </Anchor>
                )}
              </Group>
            </Paper>
          )}
          {demo && (
            <Group>
              <Button
                variant="light"
                onClick={async () => {
                  const c = canvas.current;
                  if (!c) return;
                  const pan = await c.measure(240, "pan");
                  const full = await c.measure(60, "full");
                  setStats({ pan, full });
                }}
                data-testid="graph-measure"
              >
                {t("tierGraph.measure")}
              </Button>
              {stats &&
                (["pan", "full"] as const).map((mode) => (
                  <Text key={mode} size="sm" ff="monospace" data-testid={`graph-measure-${mode}`} data-stats={JSON.stringify(stats[mode])}>
                    {t(`tierGraph.measured.${mode}`, {
                      frames: stats[mode].frames,
                      avg: stats[mode].drawAvg.toFixed(2),
                      p95: stats[mode].drawP95.toFixed(2),
                      frame: stats[mode].frameAvg.toFixed(1),
                    })}
                  </Text>
                ))}
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

/** Label, tier and the three facts of a graph node. */
export function NodeFacts({ node, tierLabel }: { node: GraphNode; tierLabel: (tier: number) => string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {node.label}
      </Text>
      <Text size="xs" c="dimmed">
        {tierLabel(node.tier)}
      </Text>
      {node.tier > 0 && (
        <Group gap={4}>
          {COLOR_BY.map((by) => {
            const v = nodeValue(node, by);
            return v ? (
              <Badge key={by} size="xs" variant="light" color={paletteFor(by)[v] ?? "gray"}>
                {t(`supplyChain.${by}.${v}`, v)}
              </Badge>
            ) : null;
          })}
        </Group>
      )}
    </Stack>
  );
}
