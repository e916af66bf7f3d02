import { Badge, type BadgeProps, ColorSwatch, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Counts, PROFILE_STATUSES, type ProfileStatus } from "./api";

/** Badge colours of each status (Mantine palette names). */
export const STATUS_COLOR: Record<ProfileStatus, string> = {
  implemented: "green",
  partial: "yellow",
  not_implemented: "red",
  not_applicable: "gray",
  not_assessed: "gray",
};

/** Chart colours: the same hues, with "not assessed" lighter than N/A so the two stay apart. */
export const STATUS_CHART_COLOR: Record<ProfileStatus, string> = {
  implemented: "green.6",
  partial: "yellow.5",
  not_implemented: "red.6",
  not_applicable: "gray.6",
  not_assessed: "gray.3",
};

/** A criterion's status in the profile. */
export function StatusBadge({ status, ...props }: { status: ProfileStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status] ?? "gray"}
      variant={status === "not_assessed" ? "outline" : "light"}
      data-testid="status-badge"
      data-status={status}
      {...props}
    >
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** Colour key shared by the charts, with the counts when given. */
export function StatusLegend({ counts }: { counts?: Counts }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
      {PROFILE_STATUSES.map((s) => (
        <Group key={s} gap={6} component="li" wrap="nowrap">
          <ColorSwatch size={12} color={`var(--mantine-color-${STATUS_CHART_COLOR[s].replace(".", "-")})`} aria-hidden="true" />
          <Text size="xs">
            {t(`status.${s}`)}
            {counts ? `: ${counts[s]}` : ""}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
