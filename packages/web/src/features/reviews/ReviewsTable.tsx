import { Anchor, Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { HashCode } from "../evidence/EvidenceBits";
import type { ReviewSummary } from "./api";

/** Every annual review: the anniversary it covers, its signature and the hash of its frozen snapshot. */
export function ReviewsTable({ items }: { items: ReviewSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sorted = [...items].sort((a, b) => b.anniversaryOn.localeCompare(a.anniversaryOn));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" data-testid="reviews-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("reviews.fields.anniversary")}</Table.Th>
            <Table.Th>{t("reviews.fields.status")}</Table.Th>
            <Table.Th>{t("reviews.fields.version")}</Table.Th>
            <Table.Th>{t("reviews.fields.signed")}</Table.Th>
            <Table.Th>{t("reviews.fields.snapshotHash")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((r) => (
            <Table.Tr key={r.id} data-testid="review-row" data-status={r.status}>
              <Table.Td>
                <Anchor component={Link} to={`/reviews/${r.id}`} fw={500}>
                  {formatDate(r.anniversaryOn, lang)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {r.status === "signed" ? (
                  <Badge color="green" variant="light">
                    {t("reviews.statuses.signed")}
                  </Badge>
                ) : (
                  <Badge color="blue" variant="light">
                    {t("reviews.tasksProgress", { done: r.tasksDone, total: r.tasksTotal })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ff="monospace">{r.version === null ? "—" : `v${r.version}`}</Table.Td>
              <Table.Td>
                {r.signedAt ? (
                  <>
                    <Text size="sm">{r.signedBy?.displayName ?? t("evidence.unknownPerson")}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(r.signedAt, lang)}
                    </Text>
                  </>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td>{r.snapshotHash ? <HashCode sha256={r.snapshotHash} testId="review-hash" /> : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
