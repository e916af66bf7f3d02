import { Badge, createTheme } from "@mantine/core";

/** System fonts only: no network at runtime. */
export const theme = createTheme({
  primaryColor: "blue",
  focusRing: "auto",
  defaultRadius: "md",
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  components: {
    // Badges in table cells must not be squeezed into "ACTI…".
    Badge: Badge.extend({
      styles: { root: { flexShrink: 0, overflow: "visible" }, label: { overflow: "visible", textOverflow: "clip" } },
    }),
  },
});
