import { Button, Tabs } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";

// Each view is its own chunk: the map brings the Natural Earth shapes and d3-geo, the graph its canvas code.
const MapView = lazy(() => import("./MapView"));
const GraphView = lazy(() => import("./GraphView"));

type View = "map" | "graph";

/** Supply chain: the world map of lanes and the tier graph of partners, one tab each (kept in `?view=`). */
export default function SupplyChainPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = params.get("view") === "graph" ? "graph" : "map";

  const switchTo = (v: string | null) =>
    setParams(
      (prev) => {
        // Each view has its own query parameters; keep only the tab when switching.
        const next = new URLSearchParams();
        if (v === "graph") next.set("view", "graph");
        if (prev.get("demo")) next.set("demo", prev.get("demo") ?? "");
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t("supplyChain.title")}
        description={t("supplyChain.description")}
        actions={
          <Button component={Link} to="/lanes" variant="default" data-testid="supply-chain-lanes">
            {t("supplyChain.manageLanes")}
          </Button>
        }
      />
      <Tabs value={view} onChange={switchTo} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="map" data-testid="supply-chain-tab-map">
            {t("supplyChain.tabs.map")}
          </Tabs.Tab>
          <Tabs.Tab value="graph" data-testid="supply-chain-tab-graph">
            {t("supplyChain.tabs.graph")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="map">
          <Suspense fallback={<PageLoader />}>
            <MapView />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="graph">
          <Suspense fallback={<PageLoader />}>
            <GraphView />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
