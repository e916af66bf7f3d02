import { Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { countryName } from "../../lib/countries";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { MatchDecision, ScreeningMatch } from "./screening.api";

const STATUS_COLOR = { open: "orange", "false-positive": "gray", confirmed: "red" } as const;

/** The score as a bar: 85 is the floor of a recorded match, so the bar starts red at high scores. */
function ScoreBar({ score }: { score: number }) {
  const { t } = useTranslation();
  const color = score >= 95 ? "red" : score >= 90 ? "orange" : "yellow";
  return (
    <Stack gap={2} miw={120} data-testid="screening-match-score" data-score={score}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {t("screening.matches.score")}
        </Text>
        <Text size="sm" fw={700}>
          {score}
        </Text>
      </Group>
      <Progress value={score} color={color} size="md" aria-label={t("screening.matches.scoreLabel", { score })} />
    </Stack>
  );
}

function Line({ label, values }: { label: string; values: string[] }) {
  if (values.length === 0) return null;
  return (
    <Text size="xs">
      <Text span c="dimmed">
        {label}:{" "}
      </Text>
      {values.join("; ")}
    </Text>
  );
}

interface Props {
  match: ScreeningMatch;
  canDecide: boolean;
  onDecide: (match: ScreeningMatch, decision: MatchDecision) => void;
}

/** One possible denied-party match: the partner, the list entry it resembles, why, and the decision. */
export function MatchCard({ match: m, canDecide, onDecide }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper withBorder p="md" data-testid="screening-match" data-status={m.status} data-match-id={m.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Anchor component={Link} to={`/partners/${m.partner.id}?tab=screenings`} fw={600}>
              {m.partner.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {countryName(m.partner.countryCode, lang)} · {t(`partners.status.${m.partner.status}`, { defaultValue: m.partner.status })}
            </Text>
          </Stack>
          <Group gap="sm" align="flex-start">
            <ScoreBar score={m.score} />
            <Badge
              color={STATUS_COLOR[m.status]}
              variant={m.status === "confirmed" ? "filled" : "light"}
              data-testid="screening-match-status"
            >
              {t(`screening.matches.status.${m.status}`)}
            </Badge>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t("screening.matches.matchedOn")}
            </Text>
            <Group gap={4}>
              {m.matchedOn.map((w) => (
                <Badge key={w} size="sm" variant="outline" data-testid="screening-match-on" data-on={w}>
                  {t(`screening.matches.on.${w}`)}
                </Badge>
              ))}
            </Group>
          </Stack>
          <Stack gap={2} data-testid="screening-match-entry">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t("screening.matches.entry", { list: m.entry.list.name })}
            </Text>
            <Text size="sm" fw={500}>
              {m.entry.name}
              {m.entry.externalId && (
                <Text span size="xs" c="dimmed" ff="monospace">
                  {" "}
                  #{m.entry.externalId}
                </Text>
              )}
            </Text>
            <Line label={t("screening.matches.aliases")} values={m.entry.altNames} />
            <Line label={t("screening.matches.programs")} values={m.entry.programs} />
            <Line label={t("screening.matches.countries")} values={m.entry.countryCodes.map((c) => countryName(c, lang))} />
            <Line label={t("screening.matches.addresses")} values={m.entry.addresses} />
            {m.entry.remarks && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {m.entry.remarks}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        {m.status !== "open" && (
          <Text size="xs" c="dimmed" data-testid="screening-match-decision">
            {t("screening.matches.decided", {
              who: m.decidedBy?.displayName ?? "—",
              when: formatDateTime(m.decidedAt, lang),
            })}
            {m.note ? ` — ${m.note}` : ""}
          </Text>
        )}
        {m.status === "open" && canDecide && (
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => onDecide(m, "false-positive")} data-testid="screening-match-false-positive">
              {t("screening.matches.falsePositive")}
            </Button>
            <Button size="xs" color="red" onClick={() => onDecide(m, "confirmed")} data-testid="screening-match-confirm">
              {t("screening.matches.confirm")}
            </Button>
          </Group>
        )}
        {m.status === "open" && !canDecide && (
          <Text size="xs" c="dimmed">
            {t("screening.matches.approverOnly")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
