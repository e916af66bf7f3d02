import { Anchor, Badge, Group, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { Procedure, ProcedureStatus, VersionStatus } from "./api";

const COLORS: Record<ProcedureStatus | VersionStatus, string> = {
  draft: "gray",
  in_review: "yellow",
  approved: "green",
  superseded: "gray",
  archived: "dark",
};

/** Draft / in review / approved / superseded / archived, colored; the text always names it. */
export function ProcedureStatusBadge({ status, size }: { status: ProcedureStatus | VersionStatus; size?: "xs" | "sm" | "md" }) {
  const { t } = useTranslation();
  return (
    <Badge
      component="span"
      color={COLORS[status] ?? "gray"}
      variant={status === "superseded" ? "outline" : "light"}
      size={size}
      data-status={status}
    >
      {t(`procedures.statuses.${status}`)}
    </Badge>
  );
}

/** The status badge plus, when another version is open, "v3 in review" next to it. */
export function ProcedureStatusCell({ p }: { p: Procedure }) {
  const { t } = useTranslation();
  const showPending = p.pending && p.currentVersion !== null && p.status !== "archived";
  return (
    <Group component="span" gap={4} wrap="nowrap" data-testid="procedure-status" data-status={p.status}>
      <ProcedureStatusBadge status={p.currentVersion !== null && p.status !== "archived" ? "approved" : p.status} />
      {showPending && p.pending && (
        <Badge component="span" size="sm" variant="dot" color={COLORS[p.pending.status]}>
          {t("procedures.pendingVersion", { version: p.pending.version, status: t(`procedures.statuses.${p.pending.status}`) })}
        </Badge>
      )}
    </Group>
  );
}

/** Next review date; red and labelled when overdue, orange when due within 30 days. */
export function NextReview({ p }: { p: Procedure }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!p.nextReviewOn) {
    return (
      <Text size="sm" c="dimmed">
        {p.currentVersion === null ? t("procedures.afterApproval") : t("common.notSet")}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" data-overdue={p.reviewOverdue ? "true" : "false"}>
      <Text size="sm" c={p.reviewOverdue ? "red" : p.reviewDue ? "orange.8" : undefined} fw={p.reviewOverdue ? 600 : undefined}>
        {formatDate(p.nextReviewOn, lang)}
      </Text>
      {p.reviewOverdue ? (
        <Badge color="red" size="xs">
          {t("procedures.overdue")}
        </Badge>
      ) : p.reviewDue ? (
        <Badge color="orange" size="xs" variant="light">
          {t("procedures.dueSoon")}
        </Badge>
      ) : null}
    </Group>
  );
}

/** MSC IDs as small links to the profile item. */
export function CriteriaLinks({ ids, max }: { ids: string[]; max?: number }) {
  const { t } = useTranslation();
  if (ids.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("procedures.noCriteria")}
      </Text>
    );
  }
  const shown = max ? ids.slice(0, max) : ids;
  return (
    <Group gap={6}>
      {shown.map((id) => (
        <Anchor key={id} component={Link} to={`/profile/${encodeURIComponent(id)}`} size="sm" ff="monospace">
          {id}
        </Anchor>
      ))}
      {ids.length > shown.length && (
        <Text size="xs" c="dimmed">
          {t("procedures.moreCriteria", { count: ids.length - shown.length })}
        </Text>
      )}
    </Group>
  );
}

/** A procedure's text, shown exactly as written (plain text or Markdown source). */
export function ProcedureText({ body, testId }: { body: string; testId?: string }) {
  return (
    <Paper withBorder p="md" bg="var(--mantine-color-gray-0)">
      <Text
        component="pre"
        size="sm"
        m={0}
        ff="monospace"
        style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", maxHeight: "60vh", overflowY: "auto" }}
        tabIndex={0}
        data-testid={testId}
      >
        {body}
      </Text>
    </Paper>
  );
}
