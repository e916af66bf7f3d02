import { Anchor, Table, Text } from "@mantine/core";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { LevelBadge } from "../criteria/badges";
import type { ProfileItemView } from "./api";
import { StatusBadge } from "./status";

/** The profile items: one row per criterion; the ID links to the item page. */
export function ProfileTable({ items }: { items: ProfileItemView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const onRowClick = (e: MouseEvent, id: string) => {
    if ((e.target as HTMLElement).closest("a")) return;
    navigate(`/profile/${encodeURIComponent(id)}`);
  };
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="profile-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("profile.cols.id")}</Table.Th>
            <Table.Th>{t("profile.cols.level")}</Table.Th>
            <Table.Th>{t("profile.cols.requirement")}</Table.Th>
            <Table.Th>{t("profile.cols.status")}</Table.Th>
            <Table.Th>{t("profile.cols.owner")}</Table.Th>
            <Table.Th ta="right">{t("profile.cols.evidence")}</Table.Th>
            <Table.Th>{t("profile.cols.reviewDue")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((it) => (
            <Table.Tr
              key={it.criterionId}
              className="clickable-row"
              data-testid="profile-row"
              data-criterion-id={it.criterionId}
              onClick={(e) => onRowClick(e, it.criterionId)}
            >
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/profile/${encodeURIComponent(it.criterionId)}`}
                  ff="monospace"
                  fw={600}
                  data-testid="profile-row-link"
                >
                  {it.criterionId}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <LevelBadge level={it.level} size="sm" />
              </Table.Td>
              <Table.Td maw={420}>
                <Text size="sm" lineClamp={2}>
                  {it.requirement[lang] || it.requirement.en}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={it.status} size="sm" />
                {it.naStatus === "pending" && (
                  <Text size="xs" c="blue.7">
                    {t("profile.na.pending")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {it.owner?.displayName ?? (
                  <Text c="dimmed" size="sm">
                    {t("common.notSet")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{it.evidenceCount}</Table.Td>
              <Table.Td>
                {it.reviewDueOn ? (
                  <Text size="sm" c={it.reviewOverdue ? "red.7" : undefined} fw={it.reviewOverdue ? 600 : undefined}>
                    {formatDate(it.reviewDueOn, lang)}
                  </Text>
                ) : it.reviewOverdue ? (
                  <Text size="sm" c="red.7" fw={600}>
                    {t("profile.neverReviewed")}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
