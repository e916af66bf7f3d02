import { Paper, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { LabelledSegments } from "../../components/FormParts";
import { FilterBar, SearchBox } from "../../components/ListFilters";
import { ListCount } from "../../components/ListResults";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { SearchSelect } from "../../components/SearchSelect";
import { ENTITY_TYPES } from "../../lib/constants";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useUrlFilters } from "../../lib/useUrlFilters";
import { DownloadButton } from "../profile/download";
import { type CriterionView, criteriaExportPath, pickLang, useCriteria } from "./api";
import { CriterionCard } from "./CriterionCard";

/** The search box answers after this pause in typing. */
const SEARCH_DEBOUNCE_MS = 150;

/** The CBP minimum security criteria, grouped by focus area and category, with search, filters and exports. */
export default function CriteriaPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const filters = useUrlFilters(["q", "entityType", "categoryId", "level"], { debounceMs: SEARCH_DEBOUNCE_MS });
  const { entityType, categoryId, level } = filters.values;

  const criteria = useCriteria({ q: filters.values.q ?? "", entityType, categoryId, level });
  const data = criteria.data;

  // Focus area → category → criteria, in CBP order, skipping empty groups.
  const groups = useMemo(() => {
    if (!data) return [];
    const byCategory = new Map<number, CriterionView[]>();
    for (const c of data.items) byCategory.set(c.categoryId, [...(byCategory.get(c.categoryId) ?? []), c]);
    return [...data.focusAreas]
      .sort((a, b) => a.number - b.number)
      .map((fa) => ({
        focusArea: fa,
        categories: data.categories
          .filter((cat) => cat.focusAreaId === fa.id && byCategory.has(cat.id))
          .sort((a, b) => a.id - b.id)
          .map((cat) => ({ category: cat, items: byCategory.get(cat.id) ?? [] })),
      }))
      .filter((g) => g.categories.length > 0);
  }, [data]);

  const exportQuery = criteriaExportPath("xlsx", lang, entityType);

  return (
    <>
      <PageHeader
        title={t("criteria.title")}
        description={
          data
            ? t("criteria.description", {
                edition: data.library.edition,
                version: data.library.version,
                date: formatDate(data.library.publishedOn, lang),
              })
            : t("criteria.descriptionShort")
        }
        actions={
          <>
            <DownloadButton
              path={exportQuery.path}
              query={exportQuery.query}
              fallbackName="msc-criteria.xlsx"
              data-testid="criteria-export-xlsx"
            >
              {t("criteria.exportXlsx")}
            </DownloadButton>
            <DownloadButton
              path={exportQuery.path}
              query={{ ...exportQuery.query, format: "csv" }}
              fallbackName="msc-criteria.csv"
              data-testid="criteria-export-csv"
            >
              {t("criteria.exportCsv")}
            </DownloadButton>
          </>
        }
      />
      <Stack>
        <FilterBar>
          <SearchBox
            placeholder={t("criteria.searchPlaceholder")}
            description={t("criteria.searchHint")}
            value={filters.q}
            onChange={filters.setQ}
            w={{ base: "100%", sm: 300 }}
            data-testid="criteria-search"
          />
          <SearchSelect
            label={t("criteria.entityType")}
            placeholder={t("criteria.allEntityTypes")}
            data={ENTITY_TYPES.map((et) => ({ value: et, label: t(`entityTypes.${et}`) }))}
            {...filters.bindSelect("entityType")}
            clearable
            w={{ base: "100%", sm: 260 }}
            data-testid="criteria-entity-filter"
          />
          <SearchSelect
            label={t("criteria.category")}
            placeholder={t("criteria.allCategories")}
            data={(data?.categories ?? []).map((c) => ({ value: String(c.id), label: `${c.id}. ${pickLang(c.name, lang)}` }))}
            {...filters.bindSelect("categoryId")}
            clearable
            w={{ base: "100%", sm: 280 }}
            data-testid="criteria-category-filter"
          />
          <LabelledSegments
            label={t("criteria.levelLabel")}
            value={level ?? "all"}
            onChange={(v) => filters.update({ level: v === "all" ? null : v })}
            data={[
              { value: "all", label: t("criteria.level.all") },
              { value: "must", label: t("criteria.level.must") },
              { value: "should", label: t("criteria.level.should") },
            ]}
            data-testid="criteria-level-filter"
          />
        </FilterBar>

        {criteria.isPending ? (
          <PageLoader />
        ) : criteria.isError ? (
          <QueryError error={criteria.error} onRetry={() => void criteria.refetch()} />
        ) : (
          <>
            <ListCount filtered={filters.filtered} onClear={filters.clear} data-testid="criteria-count">
              {t("criteria.count", { count: data?.total ?? 0 })}
            </ListCount>
            {groups.length === 0 ? (
              <Paper withBorder p="lg" data-testid="criteria-empty">
                <Text>{t("criteria.noMatches")}</Text>
              </Paper>
            ) : (
              groups.map((g) => (
                <Stack key={g.focusArea.id} gap="sm" component="section" aria-label={pickLang(g.focusArea.name, lang)}>
                  <Title order={2} size="h3" mt="sm">
                    {t("criteria.focusAreaHeading", { number: g.focusArea.number, name: pickLang(g.focusArea.name, lang) })}
                  </Title>
                  {g.categories.map(({ category, items }) => (
                    <Stack key={category.id} gap="xs" data-testid="criteria-category" data-category-id={category.id}>
                      <Title order={3} size="h5">
                        {category.id}. {pickLang(category.name, lang)}{" "}
                        <Text span size="sm" c="dimmed" fw={400}>
                          ({items.length})
                        </Text>
                      </Title>
                      {items.map((c) => (
                        <CriterionCard key={c.id} criterion={c} />
                      ))}
                    </Stack>
                  ))}
                </Stack>
              ))
            )}
          </>
        )}
      </Stack>
    </>
  );
}
