import { Group, Text } from "@mantine/core";
import type { ReactNode } from "react";

export interface LegendItem {
  key: string;
  label: string;
  /** A color swatch, or any small SVG (line styles, shapes). */
  swatch: string | ReactNode;
}

/** A compact, wrapping legend: one titled row of swatches with labels. */
export function Legend({ title, items, testId }: { title: string; items: LegendItem[]; testId?: string }) {
  return (
    <Group gap="xs" wrap="wrap" data-testid={testId} role="list" aria-label={title}>
      <Text size="xs" fw={600} c="dimmed">
        {title}
      </Text>
      {items.map((item) => (
        <Group key={item.key} gap={4} wrap="nowrap" role="listitem">
          {typeof item.swatch === "string" ? (
            <span aria-hidden style={{ width: 12, height: 12, borderRadius: 6, background: item.swatch, display: "inline-block" }} />
          ) : (
            <span aria-hidden style={{ display: "inline-flex" }}>
              {item.swatch}
            </span>
          )}
          <Text size="xs">{item.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** A short line in a color and dash pattern (lane risk and mode). */
export function LineSwatch({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg width="26" height="10" aria-hidden>
      <line x1="1" y1="5" x2="25" y2="5" stroke={color} strokeWidth="2.5" strokeDasharray={dash} strokeLinecap="round" />
    </svg>
  );
}

/** Marker shapes of the map: square (own site), circle (partner site), diamond (port). */
export function ShapeSwatch({ shape, color }: { shape: "square" | "circle" | "diamond"; color: string }) {
  return (
    <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden>
      {shape === "square" && <rect x="-4.5" y="-4.5" width="9" height="9" fill={color} />}
      {shape === "circle" && <circle r="4.5" fill={color} />}
      {shape === "diamond" && <path d="M0 -5L5 0L0 5L-5 0Z" fill="#fff" stroke={color} strokeWidth="1.5" />}
    </svg>
  );
}
