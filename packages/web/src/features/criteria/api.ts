import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Language } from "../../i18n";
import type { EntityType } from "../../lib/constants";

/** CBP "Must" / "Should" (es "Debe" / "Debería"). */
export const REQUIREMENT_LEVELS = ["must", "should"] as const;
export type RequirementLevel = (typeof REQUIREMENT_LEVELS)[number];

/** How well a fact is sourced: a CBP document, a secondary source, or not confirmed. */
export const CERTAINTY_GRADES = ["verified", "secondary", "uncertain"] as const;
export type Certainty = (typeof CERTAINTY_GRADES)[number];

export interface Bilingual {
  en: string;
  es: string;
}

export interface Provenance {
  sources: string[];
  certainty: Certainty;
  note?: string;
}

export interface LibraryInfo {
  version: string;
  edition: string;
  publishedOn: string;
}

export interface FocusAreaView {
  id: string;
  number: number;
  name: Bilingual;
  provenance: Provenance;
}

export interface CategoryView {
  id: number;
  slug: string;
  focusAreaId: string;
  name: Bilingual;
  nameEsCertainty: Certainty;
  provenance: Provenance;
}

export interface ApplicabilityView {
  level: RequirementLevel;
  certainty: Certainty;
  source: string;
  mixed?: boolean;
  note?: string;
}

export interface LevelUnknownView {
  entityTypes: EntityType[];
  source: string;
  certainty: Certainty;
  note: string;
}

export interface EffectiveChangeView {
  date: string;
  datePrecision: "day" | "month";
  change: "added" | "became-must" | "became-should";
  level: RequirementLevel;
  entityTypes: EntityType[];
  source: string;
  certainty: Certainty;
  note?: string;
}

/** One MSC criterion as the API presents it. */
export interface CriterionView {
  id: string;
  categoryId: number;
  focusAreaId: string;
  requirement: Bilingual;
  guidance: Bilingual & { basis: "reference" | "editorial" };
  /** Null when no source gives Must/Should for the types asked about. */
  level: RequirementLevel | null;
  certainty: Certainty;
  appliesTo: EntityType[];
  applicability: Partial<Record<EntityType, ApplicabilityView>>;
  levelUnknown: LevelUnknownView[];
  effectiveChanges: EffectiveChangeView[];
  provenance: Provenance;
  yearlyReview: boolean;
}

export interface CriteriaResponse {
  library: LibraryInfo;
  focusAreas: FocusAreaView[];
  categories: CategoryView[];
  items: CriterionView[];
  total: number;
}

export interface CriteriaFilters {
  q?: string;
  entityType?: string | null;
  categoryId?: string | null;
  level?: string | null;
}

export const criteriaKeys = {
  all: ["criteria"] as const,
  list: (f: CriteriaFilters) => ["criteria", "list", f] as const,
  one: (id: string) => ["criteria", "one", id] as const,
};

// The library is a catalog that only changes with a server release.
const CATALOG_STALE_MS = 30 * 60_000;

/** GET /api/criteria with filters; the previous result stays on screen while typing. */
export function useCriteria(f: CriteriaFilters) {
  return useQuery({
    queryKey: criteriaKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<CriteriaResponse>(
        "/criteria",
        { q: f.q?.trim() || undefined, entityType: f.entityType, categoryId: f.categoryId, level: f.level },
        signal,
      ),
    placeholderData: keepPreviousData,
    staleTime: CATALOG_STALE_MS,
  });
}

/** The whole library (names of focus areas and categories for other screens). */
export function useCriteriaCatalog() {
  return useCriteria({});
}

/** GET /api/criteria/:criterionId. */
export function useCriterion(id: string) {
  return useQuery({
    queryKey: criteriaKeys.one(id),
    queryFn: ({ signal }) => api.get<CriterionView>(`/criteria/${encodeURIComponent(id)}`, undefined, signal),
    staleTime: CATALOG_STALE_MS,
  });
}

/** The library export: XLSX or CSV, texts in the given language. */
export function criteriaExportPath(format: "xlsx" | "csv", lang: Language, entityType?: string | null) {
  return { path: "/criteria/export", query: { format, lang, entityType: entityType ?? undefined } };
}

/** The text in the UI language (tolerates a plain string from a looser server shape). */
export function pickLang(text: Bilingual | string | null | undefined, lang: Language): string {
  if (!text) return "";
  if (typeof text === "string") return text;
  return text[lang] || text.en;
}
