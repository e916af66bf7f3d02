import { Paper, Stack, Text, Title } from "@mantine/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { ListCount } from "../../components/ListResults";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { useLang } from "../../lib/useLang";
import { useUrlFilters } from "../../lib/useUrlFilters";
import { useCriteriaCatalog } from "../criteria/api";
import { AttentionCards } from "./AttentionCards";
import { type AttentionFilter, useGaps, useProfile } from "./api";
import { DownloadButton } from "./download";
import { CategoryChart, FocusAreaSplit, ScoreAndDonut } from "./GapCharts";
import { NoEntityTypes } from "./NoEntityTypes";
import { ProfileFilters } from "./ProfileFilters";
import { ProfileTable } from "./ProfileTable";

const FILTER_KEYS = ["focusAreaId", "categoryId", "level", "status", "filter"] as const;

/** The company's security profile: how far each applicable criterion is met, charts of the gaps, and the list. */
export default function SecurityProfilePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const filters = useUrlFilters(["q", ...FILTER_KEYS], { debounceMs: 200 });
  const { values, update } = filters;
  const listRef = useRef<HTMLDivElement>(null);

  const profile = useProfile(values);
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

  // Until there is a profile to show, the header carries the generic description.
  if (profile.isPending || profile.isError || profile.data.entityTypes.length === 0) {
    return (
      <>
        <PageHeader title={t("profile.title")} description={t("profile.description")} />
        {profile.isPending ? (
          <PageLoader />
        ) : profile.isError ? (
          <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
        ) : (
          <NoEntityTypes />
        )}
      </>
    );
  }

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
          <ProfileFilters
            values={values}
            q={filters.q}
            onQ={filters.setQ}
            onChange={update}
            focusAreas={focusAreas}
            categories={categories}
          />
          <ListCount filtered={filters.filtered} onClear={filters.clear} data-testid="profile-count">
            {t("profile.count", { count: profile.data.total })}
          </ListCount>
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
