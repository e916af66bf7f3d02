/**
 * Colors shared by the world map (SVG) and the tier graph (canvas). Canvas needs concrete colors, so
 * these are hex values (Mantine's palette, shade 7-8, readable on light and dark backgrounds).
 * Color is never the only cue: modes also differ by dash pattern, node kinds by shape, and every
 * value is spelled out in tooltips and the list views.
 */

export const RISK_COLORS: Record<string, string> = {
  low: "#2f9e44",
  medium: "#e67700",
  high: "#e03131",
};

export const STATUS_COLORS: Record<string, string> = {
  prospect: "#868e96",
  screening: "#1971c2",
  approved: "#2f9e44",
  suspended: "#e67700",
  terminated: "#c92a2a",
};

export const CERTIFIED_COLORS: Record<string, string> = {
  ctpat: "#0c8599",
  mra: "#6741d9",
  none: "#e67700",
  expired: "#e03131",
};

/** Our own sites and the company itself (tier 0). */
export const OWN_COLOR = "#1c2b6b";
export const PORT_COLOR = "#495057";
export const UNKNOWN_COLOR = "#adb5bd";

/** SVG stroke-dasharray per transport mode (in screen pixels; strokes do not scale with zoom). */
export const MODE_DASH: Record<string, string | undefined> = {
  sea: undefined,
  air: "7 4",
  rail: "10 3 2 3",
  road: "2 3",
};

export type ColorBy = "status" | "risk" | "certified";
export const COLOR_BY: readonly ColorBy[] = ["status", "risk", "certified"];

/** The palette for one "color by" choice. */
export function paletteFor(by: ColorBy): Record<string, string> {
  if (by === "risk") return RISK_COLORS;
  if (by === "certified") return CERTIFIED_COLORS;
  return STATUS_COLORS;
}

/** Color of a value under a palette; gray when the value is missing or unknown. */
export function colorOf(palette: Record<string, string>, value: string | null | undefined): string {
  return (value && palette[value]) || UNKNOWN_COLOR;
}

/** Risk levels from least to most severe. */
export const RISK_ORDER: readonly string[] = ["low", "medium", "high"];
