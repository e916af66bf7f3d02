import { Badge, type BadgeProps, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Certainty, RequirementLevel } from "./api";

const LEVEL_COLOR: Record<RequirementLevel, string> = { must: "red", should: "blue" };

/** "Must" / "Should" ("Debe" / "Debería"); grey "level unknown" when no source gives it. */
export function LevelBadge({ level, ...props }: { level: RequirementLevel | null | undefined } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={level ? LEVEL_COLOR[level] : "gray"}
      variant={level === "must" ? "filled" : "light"}
      data-testid="level-badge"
      data-level={level ?? "unknown"}
      {...props}
    >
      {level ? t(`criteria.level.${level}`) : t("criteria.level.unknown")}
    </Badge>
  );
}

const CERTAINTY_COLOR: Record<Certainty, string> = { verified: "teal", secondary: "gray", uncertain: "orange" };

/**
 * How well a fact is sourced. The tooltip explains the grade; the badge is focusable so keyboard
 * and touch users reach the explanation too, and the explanation is also its accessible description.
 */
export function CertaintyBadge({ certainty, size = "sm" }: { certainty: Certainty; size?: BadgeProps["size"] }) {
  const { t } = useTranslation();
  const help = t(`certainty.help.${certainty}`);
  return (
    <Tooltip label={help} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge
        tabIndex={0}
        size={size}
        color={CERTAINTY_COLOR[certainty] ?? "gray"}
        variant={certainty === "uncertain" ? "filled" : "light"}
        aria-label={`${t(`certainty.${certainty}`)}: ${help}`}
        data-testid="certainty-badge"
        data-certainty={certainty}
        style={{ cursor: "help" }}
      >
        {certainty === "uncertain" ? `⚠ ${t(`certainty.${certainty}`)}` : t(`certainty.${certainty}`)}
      </Badge>
    </Tooltip>
  );
}
