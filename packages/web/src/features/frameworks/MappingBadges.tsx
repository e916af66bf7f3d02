import { Badge, Group, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FrameworkMapping, Relation } from "./api";

const RELATION_COLOR: Record<Relation, string> = { equal: "green", subset: "blue", superset: "violet", related: "gray" };

/** MSC IDs a control maps to, each with its relation. */
export function MappingBadges({ mappings }: { mappings: FrameworkMapping[] | undefined }) {
  const { t } = useTranslation();
  if (!mappings || mappings.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t("frameworks.noMappings")}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {mappings.map((m) => (
        <Tooltip
          key={`${m.criterionId}-${m.relation}`}
          label={t(`frameworks.relationHelp.${m.relation}`)}
          withArrow
          events={{ hover: true, focus: true, touch: true }}
        >
          <Badge
            tabIndex={0}
            variant="light"
            color={RELATION_COLOR[m.relation] ?? "gray"}
            size="sm"
            tt="none"
            data-testid="framework-mapping"
            aria-label={`${m.criterionId}: ${t(`frameworks.relation.${m.relation}`)}`}
          >
            {m.criterionId} · {t(`frameworks.relation.${m.relation}`, { defaultValue: m.relation })}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
