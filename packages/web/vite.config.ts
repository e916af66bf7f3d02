import react from "@vitejs/plugin-react";
import { defineConfig, type PluginOption } from "vite";

// @vitejs/plugin-react is hoisted to the root node_modules, where its types resolve against the
// root's Vite 8 (pulled in by vitest); this package builds with its own Vite 7. The plugin works
// with both at runtime, only the declared plugin types differ, hence the cast.
const reactPlugin = react() as unknown as PluginOption;

export default defineConfig({
  base: "/",
  plugins: [reactPlugin],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // Long-lived vendor chunks, so app deploys do not invalidate the browser's copy of the
        // libraries. Mantine depends on the vendor chunk, never the other way round (no cycles).
        manualChunks(id) {
          if (!id.includes("node_modules")) return undefined;
          // The offline world map (Natural Earth shapes, topojson, d3-geo) loads only with the supply-chain map
          // screens; d3-array is shared with the charts, so it gets a tiny chunk of its own rather than pulling
          // either big chunk into the other.
          if (/[\\/](world-atlas|topojson-client|d3-geo)[\\/]/.test(id)) return "geo";
          if (/[\\/]d3-array[\\/]/.test(id)) return "d3-array";
          // Charts (recharts and its d3/lodash helpers) only serve the lazily loaded profile screens:
          // keep them out of the vendor chunk every page loads. Their small stylesheet (imported by main.tsx)
          // stays with Mantine's, or that import would pull the whole chunk in eagerly.
          if (
            /[\\/](recharts|recharts-scale|react-smooth|victory-vendor|d3-[a-z-]+|internmap|decimal\.js-light|lodash|eventemitter3|tiny-invariant|fast-equals)[\\/]/.test(
              id,
            ) ||
            (/[\\/]@mantine[\\/]charts[\\/]/.test(id) && !id.endsWith(".css"))
          ) {
            return "charts";
          }
          if (/[\\/](@mantine|@floating-ui)[\\/]/.test(id)) return "mantine";
          return "vendor";
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
});
