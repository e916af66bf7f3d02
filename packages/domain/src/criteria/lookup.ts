import type { EntityType } from "../entity-types.ts";
import type { Certainty, CriteriaLibrary, Criterion, MscCategoryId, MscLang, RequirementLevel } from "./criteria.schema.ts";

const LEVEL_LABELS: Record<MscLang, Record<RequirementLevel, string>> = {
  en: { must: "Must", should: "Should" },
  // CBP's Spanish MSC booklets label the column "Debe / Debería" (glossary-es.md §0, item 1).
  es: { must: "Debe", should: "Debería" },
};

/** The label CBP prints for a level: "Must"/"Should" in English, "Debe"/"Debería" in Spanish. */
export function levelLabel(level: RequirementLevel, lang: MscLang = "en"): string {
  return LEVEL_LABELS[lang][level];
}

const CERTAINTY_RANK: Record<Certainty, number> = { verified: 0, secondary: 1, uncertain: 2 };

/** Orders IDs numerically: 1.2 < 1.10 < 2.1 < 10.1. */
export function compareCriterionIds(a: string, b: string): number {
  const [ac = 0, ai = 0] = a.split(".").map(Number);
  const [bc = 0, bi = 0] = b.split(".").map(Number);
  return ac - bc || ai - bi;
}

/** Lower case, accents removed: "Inspección" → "inspeccion". */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function toIsoDate(date: string | Date): string {
  const iso = typeof date === "string" ? date : date.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`expected a YYYY-MM-DD date, got "${iso}"`);
  return iso;
}

/** One criterion as it applies to a set of entity types. */
export interface CombinedCriterion {
  criterion: Criterion;
  /** The strictest level among the entity types: Must beats Should. */
  level: RequirementLevel;
  /** Best certainty among the entity types that set `level`. */
  certainty: Certainty;
  /** Entity types (of those asked) the criterion applies to. */
  appliesTo: EntityType[];
  /** Entity types that made the criterion Must (empty when it is Should). */
  mustBecause: EntityType[];
  byEntityType: Partial<Record<EntityType, { level: RequirementLevel; certainty: Certainty; source: string }>>;
}

export interface CriteriaSearch {
  /** Words (any order, accent-insensitive) and/or ID prefixes such as "6.", "6" or "5.1". */
  text?: string;
  /** Search only this language's texts; both when omitted. */
  lang?: MscLang;
  entityType?: EntityType;
  categoryId?: MscCategoryId;
  level?: RequirementLevel;
}

const ID_TOKEN = /^(\d{1,2})(\.\d{0,2})?$/;

/** Lookups over one library (the default index over MSC_LIBRARY is exported from index.ts). */
export function createCriteriaIndex(library: CriteriaLibrary) {
  const sorted = [...library.criteria].sort((a, b) => compareCriterionIds(a.id, b.id));
  const byId = new Map(sorted.map((c) => [c.id, c]));
  const categoryNames = new Map(library.categories.map((c) => [c.id, c.name]));
  const haystacks = new Map(
    sorted.map((c) => {
      const cat = categoryNames.get(c.categoryId);
      const en = foldText([c.requirement.en, c.guidance.en, cat?.en ?? ""].join(" "));
      const es = foldText([c.requirement.es, c.guidance.es, cat?.es ?? ""].join(" "));
      return [c.id, { en, es, both: `${en} ${es}` }];
    }),
  );

  function getCriterion(id: string): Criterion | undefined {
    return byId.get(id.trim());
  }

  function levelOnCriterion(c: Criterion, entityType: EntityType, isoDate: string): RequirementLevel | null {
    const current = c.applicability[entityType];
    if (!current || isoDate < library.publishedOn) return null;
    const changes = c.effectiveChanges.filter((ch) => ch.entityTypes.includes(entityType)).sort((x, y) => x.date.localeCompare(y.date));
    const first = changes[0];
    if (!first) return current.level;
    let level: RequirementLevel | null = first.change === "added" ? null : first.level === "must" ? "should" : "must";
    for (const ch of changes) {
      if (ch.date > isoDate) break;
      level = ch.level;
    }
    return level;
  }

  /**
   * Must/Should for one entity type on a date, applying effective-date changes (e.g. 3.9 became Must on 2023-01-01).
   * Null when the criterion is not known to apply to the entity type, or was not in force on that date
   * (before it was added, or before this edition was published).
   */
  function levelOn(criterionId: string, entityType: EntityType, date: string | Date): RequirementLevel | null {
    const c = getCriterion(criterionId);
    return c ? levelOnCriterion(c, entityType, toIsoDate(date)) : null;
  }

  /** Union of the criteria for several entity types; the stricter level wins. With `on`, levels are those in force that day. */
  function criteriaFor(entityTypes: readonly EntityType[], options: { on?: string | Date } = {}): CombinedCriterion[] {
    const on = options.on === undefined ? undefined : toIsoDate(options.on);
    const types = [...new Set(entityTypes)];
    const out: CombinedCriterion[] = [];
    for (const criterion of sorted) {
      const byEntityType: CombinedCriterion["byEntityType"] = {};
      for (const type of types) {
        const a = criterion.applicability[type];
        const level = a && (on ? levelOnCriterion(criterion, type, on) : a.level);
        if (a && level) byEntityType[type] = { level, certainty: a.certainty, source: a.source };
      }
      const entries = types.flatMap((t) => {
        const e = byEntityType[t];
        return e ? [{ type: t, ...e }] : [];
      });
      if (entries.length === 0) continue;
      const mustBecause = entries.filter((e) => e.level === "must").map((e) => e.type);
      const level: RequirementLevel = mustBecause.length > 0 ? "must" : "should";
      const certainty = entries
        .filter((e) => e.level === level)
        .map((e) => e.certainty)
        .sort((x, y) => CERTAINTY_RANK[x] - CERTAINTY_RANK[y])[0] as Certainty;
      out.push({ criterion, level, certainty, appliesTo: entries.map((e) => e.type), mustBecause, byEntityType });
    }
    return out;
  }

  /** Criteria a source ties to one of these entity types without a readable Must/Should (e.g. 6.4 air, 12.5 brokers). */
  function levelUnknownFor(entityTypes: readonly EntityType[]): Criterion[] {
    return sorted.filter((c) => c.levelUnknown.some((u) => u.entityTypes.some((t) => entityTypes.includes(t))));
  }

  /** Search by ID prefix and/or words in English or Spanish (accent-insensitive), with optional filters. */
  function searchCriteria(query: CriteriaSearch = {}): Criterion[] {
    const idPrefixes: string[] = [];
    const words: string[] = [];
    for (const raw of foldText(query.text ?? "").split(/\s+/)) {
      const m = ID_TOKEN.exec(raw);
      const category = Number(m?.[1]);
      if (m && category >= 1 && category <= 12) {
        idPrefixes.push(m[2] === undefined ? `${category}.` : raw);
        continue;
      }
      const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (word) words.push(word);
    }
    const exact = foldText(query.text ?? "").trim();
    return sorted
      .filter((c) => {
        if (query.categoryId !== undefined && c.categoryId !== query.categoryId) return false;
        if (query.entityType) {
          const a = c.applicability[query.entityType];
          const unknown = c.levelUnknown.some((u) => u.entityTypes.includes(query.entityType as EntityType));
          if (query.level ? a?.level !== query.level : !a && !unknown) return false;
        } else if (query.level && !Object.values(c.applicability).some((a) => a?.level === query.level)) {
          return false;
        }
        if (!idPrefixes.every((p) => c.id.startsWith(p))) return false;
        const hay = haystacks.get(c.id);
        const text = hay ? (query.lang ? hay[query.lang] : hay.both) : "";
        return words.every((w) => text.includes(w));
      })
      .sort((a, b) => Number(b.id === exact) - Number(a.id === exact));
  }

  return { library, getCriterion, levelOn, criteriaFor, levelUnknownFor, searchCriteria };
}

export type CriteriaIndex = ReturnType<typeof createCriteriaIndex>;
