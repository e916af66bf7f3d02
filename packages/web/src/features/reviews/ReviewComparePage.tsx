import { Alert, Anchor, Group, Paper, Select, Stack, Switch, Text } from "@mantine/core";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { type ReviewSummary, useCompare, useReviewOverview } from "./api";
import { CompareTable } from "./CompareTable";

const CURRENT = "current";

/** Compare two signed reviews, or one with the live profile, criterion by criterion. */
export default function ReviewComparePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const overview = useReviewOverview();
  const signed = useMemo(
    () => (overview.data?.items ?? []).filter((r) => r.status === "signed").sort((a, b) => (b.version ?? 0) - (a.version ?? 0)),
    [overview.data],
  );

  const from = params.get("from");
  const to = params.get("to");
  const onlyChanges = params.get("changes") === "1";
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  // Start with the latest signed review against the live profile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only once the reviews are known
  useEffect(() => {
    if (!from && signed[0]) set({ from: signed[0].id, to: to ?? CURRENT });
  }, [signed]);

  const compare = useCompare(from, to);
  const label = (r: ReviewSummary) =>
    t("reviews.compare.versionLabel", { version: r.version ?? "?", date: formatDate(r.anniversaryOn, lang) });
  const options = signed.map((r) => ({ value: r.id, label: label(r) }));
  const nameOf = (id: string | null) => {
    if (id === CURRENT) return t("reviews.compare.current");
    const r = signed.find((x) => x.id === id);
    return r ? label(r) : "";
  };
  const rows = compare.data ? (onlyChanges ? compare.data.rows.filter((r) => r.changed) : compare.data.rows) : [];

  return (
    <>
      <Anchor component={Link} to="/reviews" size="sm" mb="sm" display="inline-block">
        ← {t("reviews.backToList")}
      </Anchor>
      <PageHeader title={t("reviews.compare.title")} description={t("reviews.compare.description")} />
      {overview.isPending ? (
        <PageLoader />
      ) : overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : signed.length === 0 ? (
        <Alert color="gray" data-testid="compare-none">
          {t("reviews.compare.noneSigned")}
        </Alert>
      ) : (
        <Stack>
          <Paper withBorder p="sm">
            <Group align="flex-end" gap="sm">
              <Select
                label={t("reviews.compare.from")}
                data={options}
                value={from}
                allowDeselect={false}
                onChange={(v) => set({ from: v })}
                w={{ base: "100%", xs: 260 }}
                data-testid="compare-from"
              />
              <Select
                label={t("reviews.compare.to")}
                data={[{ value: CURRENT, label: t("reviews.compare.current") }, ...options]}
                value={to}
                allowDeselect={false}
                onChange={(v) => set({ to: v })}
                w={{ base: "100%", xs: 260 }}
                data-testid="compare-to"
              />
              <Switch
                label={t("reviews.compare.onlyChanges")}
                checked={onlyChanges}
                onChange={(e) => set({ changes: e.currentTarget.checked ? "1" : null })}
                mb={8}
                data-testid="compare-only-changes"
              />
            </Group>
          </Paper>
          {!from || !to ? null : compare.isPending ? (
            <PageLoader />
          ) : compare.isError ? (
            <QueryError error={compare.error} onRetry={() => void compare.refetch()} />
          ) : (
            <Paper withBorder>
              <Text size="sm" p="sm" aria-live="polite" data-testid="compare-changed-count">
                {t("reviews.compare.changedCount", { count: compare.data.changed, total: compare.data.rows.length })}
              </Text>
              {rows.length === 0 ? (
                <Text p="md" c="dimmed">
                  {t("reviews.compare.noChanges")}
                </Text>
              ) : (
                <CompareTable rows={rows} fromLabel={nameOf(from)} toLabel={nameOf(to)} />
              )}
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}
