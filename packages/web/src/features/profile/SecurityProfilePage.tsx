import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useLang } from "../../lib/useLang";
import { useCriteriaCatalog } from "../criteria/api";
import { PageLoader } from "../shell/AppLayout";
import { AttentionCards } from "./AttentionCards";
import { type AttentionFilter, useGaps, useProfile } from "./api";
import { DownloadButton } from "./download";
import { CategoryChart, FocusAreaSplit, ScoreAndDonut } from "./GapCharts";
import { NoEntityTypes } from "./NoEntityTypes";
import { ProfileFilters, type ProfileFilterValues } from "./ProfileFilters";
import { ProfileTable } from "./ProfileTable";

const FILTER_KEYS = ["focusAreaId", "categoryId", "level", "status", "filter"] as const;

export default function SecurityProfilePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [debouncedQ] = useDebouncedValue(q, 200);
  const listRef = useRef<HTMLDivElement>(null);

  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k)])) as unknown as ProfileFilterValues;
  const update = (changes: Record<string, string | null | undefined>) =>
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

  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the debounced search text
  useEffect(() => {
    if ((params.get("q") ?? "") !== debouncedQ.trim()) update({ q: debouncedQ.trim() || null });
  }, [debouncedQ]);

  const profile = useProfile({ ...values, q: params.get("q") });
  const gaps = useGaps();
  const catalog = useCriteriaCatalog();
  const focusAreas = catalog.data?.focusAreas ?? [];
  const categories = catalog.data?.categories ?? [];

  const onAttention = (filter: AttentionFilter | null) => {
    update({ filter });
    listRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  const exports = (
    <>
      <DownloadButton
        path="/security-profile/export"
        query={{ format: "pdf", lang }}
        fallbackName="security-profile.pdf"
        data-testid="profile-export-pdf"
      >
        {t("profile.exportPdf")}
      </DownloadButton>
      <DownloadButton
        path="/security-profile/export"
        query={{ format: "xlsx", lang }}
        fallbackName="security-profile.xlsx"
        data-testid="profile-export-xlsx"
      >
        {t("profile.exportXlsx")}
      </DownloadButton>
    </>
  );

  if (profile.isPending) {
    return (
      <>
        <PageHeader title={t("profile.title")} description={t("profile.description")} />
        <PageLoader />
      </>
    );
  }
  if (profile.isError) {
    return (
      <>
        <PageHeader title={t("profile.title")} description={t("profile.description")} />
        <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
      </>
    );
  }
  if (profile.data.entityTypes.length === 0) {
    return (
      <>
        <PageHeader title={t("profile.title")} description={t("profile.description")} />
        <NoEntityTypes />
      </>
    );
  }

  const filtered = !!(params.get("q") || FILTER_KEYS.some((k) => params.get(k)));
  return (
    <>
      <PageHeader
        title={t("profile.title")}
        description={t("profile.descriptionFor", {
          types: profile.data.entityTypes.map((et) => t(`entityTypes.${et}`, { defaultValue: et })).join(", "),
        })}
        actions={exports}
      />
      <Stack gap="lg">
        {gaps.isPending ? (
          <PageLoader />
        ) : gaps.isError ? (
          <QueryError error={gaps.error} onRetry={() => void gaps.refetch()} />
        ) : (
          <>
            <ScoreAndDonut gaps={gaps.data} />
            <AttentionCards attention={gaps.data.attention} active={values.filter} onSelect={onAttention} />
            <CategoryChart gaps={gaps.data} categories={categories} />
            <FocusAreaSplit gaps={gaps.data} focusAreas={focusAreas} />
          </>
        )}

        <Stack gap="sm" ref={listRef} style={{ scrollMarginTop: 80 }}>
          <Title order={2} size="h4">
            {t("profile.listTitle")}
          </Title>
          <ProfileFilters values={values} q={q} onQ={setQ} onChange={update} focusAreas={focusAreas} categories={categories} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="profile-count">
              {t("profile.count", { count: profile.data.total })}
            </Text>
            {filtered && (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  setQ("");
                  update({ q: null, focusAreaId: null, categoryId: null, level: null, status: null, filter: null });
                }}
              >
                {t("common.clearFilters")}
              </Button>
            )}
          </Group>
          {profile.data.items.length === 0 ? (
            <Paper withBorder p="lg" data-testid="profile-no-matches">
              <Text>{t("profile.noMatches")}</Text>
            </Paper>
          ) : (
            <Paper withBorder>
              <ProfileTable items={profile.data.items} />
            </Paper>
          )}
        </Stack>
      </Stack>
    </>
  );
}
