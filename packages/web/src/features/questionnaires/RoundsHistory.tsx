import { Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { QuestionnaireDetail, ReviewerItem } from "./api";
import { AnswerBadge } from "./bits";

function Cell({ item }: { item: ReviewerItem | undefined }) {
  const { t } = useTranslation();
  if (!item) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={4} data-testid="rounds-cell" data-round={item.round}>
      <AnswerBadge answer={item.answer} size="sm" />
      {item.comment && (
        <Text size="xs" style={{ whiteSpace: "pre-wrap" }}>
          {item.comment}
        </Text>
      )}
      {item.evidence.length > 0 && (
        <Text size="xs" c="dimmed">
          {t("questionnaires.evidence", { count: item.evidence.length })}
        </Text>
      )}
      {item.review && (
        <Badge size="xs" variant="light" color={item.review === "accepted" ? "teal" : "orange"}>
          {item.review === "accepted" ? t("questionnaires.review.accepted") : t("questionnaires.review.changeRequested")}
        </Badge>
      )}
      {item.reviewComment && (
        <Text size="xs" c="orange.8" style={{ whiteSpace: "pre-wrap" }}>
          {item.reviewComment}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The answers that went back and forth, round by round side by side: each criterion sent back at least once,
 * what the partner answered in each round and what the reviewer said.
 */
export function RoundsHistory({ q }: { q: QuestionnaireDetail }) {
  const { t } = useTranslation();
  if (q.rounds.length === 0) return null;
  const byRound = new Map<number, Map<string, ReviewerItem>>();
  for (const r of q.rounds) byRound.set(r.round, new Map(r.items.map((i) => [i.criterionId, i])));
  byRound.set(q.round, new Map(q.items.filter((i) => i.round === q.round).map((i) => [i.criterionId, i])));
  const rounds = [...byRound.keys()].sort((a, b) => a - b);
  // Criteria that reached a second round: the ones worth comparing.
  const sentBack = [...new Set(rounds.filter((r) => r > 1).flatMap((r) => [...(byRound.get(r)?.keys() ?? [])]))];

  return (
    <Stack gap="sm" data-testid="rounds-history">
      <Title order={2} size="h4">
        {t("questionnaires.rounds.title")}
      </Title>
      <Group gap="md">
        {rounds.map((r) => {
          const items = [...(byRound.get(r)?.values() ?? [])];
          const changes = items.filter((i) => i.review === "change_requested").length;
          return (
            <Text key={r} size="sm" c="dimmed">
              {t("questionnaires.rounds.summary", { round: r, count: items.length, changes })}
            </Text>
          );
        })}
      </Group>
      <Table.ScrollContainer minWidth={200 + rounds.length * 220}>
        <Table verticalSpacing="sm" withColumnBorders layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{t("questionnaires.fields.criterion")}</Table.Th>
              {rounds.map((r) => (
                <Table.Th key={r}>{t("questionnaires.roundN", { round: r })}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sentBack.map((id) => (
              <Table.Tr key={id} data-testid="rounds-row" data-criterion-id={id}>
                <Table.Td ff="monospace" fw={600} style={{ verticalAlign: "top" }}>
                  {id}
                </Table.Td>
                {rounds.map((r) => (
                  <Table.Td key={r} style={{ verticalAlign: "top" }}>
                    <Cell item={byRound.get(r)?.get(id)} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
