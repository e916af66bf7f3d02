import { Card, SimpleGrid, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AttentionFilter, GapsResponse } from "./api";

const CARDS: { filter: AttentionFilter; key: keyof GapsResponse["attention"]; color: string }[] = [
  { filter: "musts-not-met", key: "mustsNotMet", color: "red" },
  { filter: "no-evidence", key: "noEvidence", color: "orange" },
  { filter: "review-overdue", key: "reviewOverdue", color: "yellow" },
  { filter: "na-pending", key: "naPending", color: "blue" },
];

/** Counts that need someone's attention; each one filters the list below (pressing it again clears). */
export function AttentionCards({
  attention,
  active,
  onSelect,
}: {
  attention: GapsResponse["attention"];
  active: string | null;
  onSelect: (filter: AttentionFilter | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      {CARDS.map((c) => {
        const value = attention[c.key] ?? 0;
        const pressed = active === c.filter;
        return (
          <UnstyledButton
            key={c.filter}
            onClick={() => onSelect(pressed ? null : c.filter)}
            aria-pressed={pressed}
            data-testid={`profile-attention-${c.filter}`}
          >
            <Card
              withBorder
              padding="md"
              h="100%"
              style={{
                borderColor: pressed ? `var(--mantine-color-${c.color}-6)` : undefined,
                borderWidth: pressed ? 2 : undefined,
              }}
            >
              <Text fz={28} fw={700} lh={1.1} c={value > 0 ? `${c.color}.7` : "dimmed"} data-testid="attention-count">
                {value}
              </Text>
              <Text size="sm" fw={500}>
                {t(`profile.attention.${c.filter}`)}
              </Text>
              <Text size="xs" c="dimmed">
                {pressed ? t("profile.attention.clear") : t("profile.attention.show")}
              </Text>
            </Card>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
