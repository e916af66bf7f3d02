import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { HashCode } from "../evidence/EvidenceBits";
import type { ReviewDetail, StatusCounts } from "./api";

const STATUS_ORDER: (keyof Omit<StatusCounts, "total">)[] = ["implemented", "partial", "not_implemented", "not_applicable", "not_assessed"];
const STATUS_COLOR: Record<string, string> = {
  implemented: "green",
  partial: "yellow",
  not_implemented: "red",
  not_applicable: "gray",
  not_assessed: "gray",
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** What a signed review froze: its version, SHA-256 (and whether it still matches), and the profile's totals. */
export function SignedSummary({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = review.snapshot;
  if (!s) return null;
  return (
    <Paper withBorder p="lg" data-testid="review-summary">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t("reviews.summary.title", { version: s.version })}
        </Title>
        <Button component={Link} to={`/reviews/compare?from=${review.id}&to=current`} variant="default" size="xs">
          {t("reviews.summary.compareCurrent")}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="md">
        <Fact label={t("reviews.fields.signed")}>
          <Text size="sm">{review.signedBy?.displayName ?? t("evidence.unknownPerson")}</Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(review.signedAt, lang)}
          </Text>
        </Fact>
        <Fact label={t("reviews.summary.takenOn")}>
          <Text size="sm">{formatDate(s.takenOn, lang)}</Text>
        </Fact>
        <Fact label={t("reviews.fields.snapshotHash")}>
          <HashCode sha256={s.sha256} testId="review-summary-hash" />
        </Fact>
        <Fact label={t("reviews.summary.integrity")}>
          <Badge color={s.hashVerified ? "green" : "red"} variant="light" data-ok={s.hashVerified ? "true" : "false"}>
            {s.hashVerified ? t("reviews.summary.hashOk") : t("reviews.summary.hashBad")}
          </Badge>
        </Fact>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} mb="md">
        <Fact label={t("reviews.summary.criteria")}>
          <Text fw={700}>{s.items}</Text>
        </Fact>
        {STATUS_ORDER.map((k) => (
          <Fact key={k} label={t(`status.${k}`, { defaultValue: k })}>
            <Text fw={700} c={STATUS_COLOR[k]}>
              {s.counts[k]}
            </Text>
          </Fact>
        ))}
      </SimpleGrid>
      <Text size="sm">{t("reviews.summary.frozen", { evidence: s.evidenceFiles, procedures: s.procedures })}</Text>
      {review.signoffNote && (
        <Text size="sm" mt="sm" style={{ whiteSpace: "pre-wrap" }}>
          <Text span fw={500}>
            {t("reviews.summary.note")}:{" "}
          </Text>
          {review.signoffNote}
        </Text>
      )}
    </Paper>
  );
}
