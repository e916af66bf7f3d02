/** GET /api/criteria/export: the MSC library as XLSX, CSV or JSON, in English or Spanish. */
import {
  type Criterion,
  compareCriterionIds,
  type EffectiveChange,
  ENTITY_TYPES,
  type EntityType,
  levelLabel,
  MSC_LIBRARY,
  type MscLang,
} from "@portcullis/domain";
import ExcelJS from "exceljs";
import { certaintyLabel, entityTypeLabel, slug, type Words, wordsFor } from "./exports.labels.ts";
import { addInfoSheet, addTableSheet, type Column, type Row, toCsv } from "./exports.tabular.ts";

/** A finished export: bytes, media type and file name. */
export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

const CATEGORY = new Map(MSC_LIBRARY.categories.map((c) => [c.id, c]));
const FOCUS = new Map(MSC_LIBRARY.focusAreas.map((f) => [f.id, f]));

/** "6. Seals" in the chosen language. */
export function categoryName(categoryId: number, lang: MscLang): string {
  const c = CATEGORY.get(categoryId);
  return c ? `${c.id}. ${c.name[lang]}` : String(categoryId);
}

/** "2. Transportation Security" for a category's focus area. */
export function focusAreaName(categoryId: number, lang: MscLang): string {
  const f = FOCUS.get(CATEGORY.get(categoryId)?.focusAreaId ?? "corporate-security");
  return f ? `${f.number}. ${f.name[lang]}` : "";
}

/** CBP order: focus area, then category, then criterion number. */
export function cbpOrder(a: { categoryId: number; id: string }, b: { categoryId: number; id: string }): number {
  const fa = FOCUS.get(CATEGORY.get(a.categoryId)?.focusAreaId ?? "corporate-security")?.number ?? 0;
  const fb = FOCUS.get(CATEGORY.get(b.categoryId)?.focusAreaId ?? "corporate-security")?.number ?? 0;
  return fa - fb || a.categoryId - b.categoryId || compareCriterionIds(a.id, b.id);
}

/** Must/Should (Debe/Debería) of one entity type, marked when uncertain or unknown; "" when it does not apply. */
function levelCell(c: Criterion, type: EntityType, lang: MscLang, w: Words): string {
  const a = c.applicability[type];
  if (a) return a.certainty === "uncertain" ? `${levelLabel(a.level, lang)} (${w.uncertainLevel})` : levelLabel(a.level, lang);
  return c.levelUnknown.some((u) => u.entityTypes.includes(type)) ? `? (${w.levelUnknown})` : "";
}

function changeText(ch: EffectiveChange, lang: MscLang, w: Words): string {
  const date = ch.datePrecision === "month" ? ch.date.slice(0, 7) : ch.date;
  const types = ch.entityTypes.map((t) => entityTypeLabel(t, lang)).join(", ");
  const mark = ch.certainty === "uncertain" ? ` [${certaintyLabel("uncertain", lang)}]` : "";
  return `${date}: ${w.change[ch.change]} ${levelLabel(ch.level, lang)} (${types})${mark}`;
}

/** The criteria of the export: all of them, or those tied to one entity type (with a known or unknown level). */
function selectCriteria(entityType: EntityType | undefined): Criterion[] {
  return MSC_LIBRARY.criteria
    .filter((c) => !entityType || c.applicability[entityType] || c.levelUnknown.some((u) => u.entityTypes.includes(entityType)))
    .sort((a, b) => cbpOrder({ categoryId: a.categoryId, id: a.id }, { categoryId: b.categoryId, id: b.id }));
}

/** Columns and rows of the library table. */
export function libraryTable(lang: MscLang, entityType?: EntityType): { columns: Column[]; rows: Row[] } {
  const w = wordsFor(lang);
  const types = entityType ? [entityType] : [...ENTITY_TYPES];
  const columns: Column[] = [
    { key: "id", header: "ID", width: 8 },
    { key: "focusArea", header: w.focusArea, width: 26 },
    { key: "category", header: w.category, width: 30 },
    ...types.map((t) => ({ key: `level:${t}`, header: `${w.level}: ${entityTypeLabel(t, lang)}`, width: 16 })),
    { key: "requirement", header: w.requirement, width: 60 },
    { key: "guidance", header: w.guidance, width: 60 },
    { key: "guidanceBasis", header: w.guidanceBasis, width: 12 },
    { key: "certainty", header: w.certainty, width: 16 },
    { key: "sources", header: w.sources, width: 50 },
    { key: "effectiveChanges", header: w.effectiveChanges, width: 40 },
    { key: "yearlyReview", header: w.yearlyReview, width: 10 },
  ];
  const rows = selectCriteria(entityType).map((c) => ({
    id: c.id,
    focusArea: focusAreaName(c.categoryId, lang),
    category: categoryName(c.categoryId, lang),
    ...Object.fromEntries(types.map((t) => [`level:${t}`, levelCell(c, t, lang, w)])),
    requirement: c.requirement[lang],
    guidance: c.guidance[lang],
    guidanceBasis: c.guidance.basis,
    certainty: certaintyLabel(c.provenance.certainty, lang),
    sources: [...c.provenance.sources, ...(c.provenance.note ? [c.provenance.note] : [])].join("; "),
    effectiveChanges: c.effectiveChanges.map((ch) => changeText(ch, lang, w)).join("\n"),
    yearlyReview: c.yearlyReview ? w.yes : w.no,
  }));
  return { columns, rows };
}

function libraryJson(lang: MscLang, entityType: EntityType | undefined, generatedAt: string) {
  return {
    library: { version: MSC_LIBRARY.version, edition: MSC_LIBRARY.edition, publishedOn: MSC_LIBRARY.publishedOn },
    lang,
    entityType: entityType ?? null,
    generatedAt,
    criteria: selectCriteria(entityType).map((c) => ({
      id: c.id,
      categoryId: c.categoryId,
      category: categoryName(c.categoryId, lang),
      focusAreaId: CATEGORY.get(c.categoryId)?.focusAreaId ?? null,
      focusArea: focusAreaName(c.categoryId, lang),
      levels: Object.fromEntries(
        Object.entries(c.applicability).flatMap(([t, a]) =>
          a && (!entityType || t === entityType)
            ? [[t, { level: a.level, label: levelLabel(a.level, lang), certainty: a.certainty, source: a.source }]]
            : [],
        ),
      ),
      levelUnknown: c.levelUnknown.filter((u) => !entityType || u.entityTypes.includes(entityType)),
      requirement: c.requirement[lang],
      guidance: c.guidance[lang],
      guidanceBasis: c.guidance.basis,
      certainty: c.provenance.certainty,
      sources: c.provenance.sources,
      provenanceNote: c.provenance.note ?? null,
      effectiveChanges: c.effectiveChanges,
      yearlyReview: c.yearlyReview === true,
    })),
  };
}

/** Build the library export in the requested format. */
export async function exportCriteria(options: {
  format: "xlsx" | "csv" | "json";
  lang: MscLang;
  entityType?: EntityType;
  now?: Date;
}): Promise<ExportFile> {
  const { format, lang, entityType } = options;
  const now = options.now ?? new Date();
  const base = `msc-criteria-${MSC_LIBRARY.version}-${lang}${entityType ? `-${slug(entityType)}` : ""}`;
  if (format === "json") {
    const body = Buffer.from(JSON.stringify(libraryJson(lang, entityType, now.toISOString()), null, 2), "utf8");
    return { body, contentType: "application/json; charset=utf-8", filename: `${base}.json` };
  }
  const { columns, rows } = libraryTable(lang, entityType);
  if (format === "csv") return { body: toCsv(columns, rows), contentType: "text/csv; charset=utf-8", filename: `${base}.csv` };
  const w = wordsFor(lang);
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  addTableSheet(workbook, w.criteriaSheet, columns, rows, (row) =>
    Object.entries(row)
      .filter(([k, v]) => (k === "certainty" || k.startsWith("level:")) && /uncertain|incierto/i.test(v))
      .map(([k]) => k),
  );
  addInfoSheet(workbook, w.about, [
    [w.library, MSC_LIBRARY.version],
    [w.edition, MSC_LIBRARY.edition],
    [w.published, MSC_LIBRARY.publishedOn],
    [w.generated, now.toISOString().slice(0, 10)],
    [w.legendTitle, ""],
    [certaintyLabel("verified", lang), w.legend.verified],
    [certaintyLabel("secondary", lang), w.legend.secondary],
    [certaintyLabel("uncertain", lang), w.legend.uncertain],
  ]);
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { body, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: `${base}.xlsx` };
}
