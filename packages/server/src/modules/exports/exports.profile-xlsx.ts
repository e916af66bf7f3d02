/** The Security Profile export as an XLSX workbook: a summary sheet, the profile table and the evidence list. */
import ExcelJS from "exceljs";
import type { ExportFile } from "./exports.criteria.ts";
import { certaintyLabel, entityTypeLabel, statusLabel, wordsFor } from "./exports.labels.ts";
import type { ProfileExport } from "./exports.profile.ts";
import { addInfoSheet, addTableSheet, type Column, type Row } from "./exports.tabular.ts";

/** Export header lines shared by the XLSX and the PDF: company, account, entity types, date, library version. */
export function headerPairs(data: ProfileExport): [string, string][] {
  const w = wordsFor(data.lang);
  return [
    [w.company, data.company.legalName],
    [w.account, data.company.ctpatAccountNumber ?? w.notSet],
    [w.entityTypes, data.company.entityTypes.map((t) => entityTypeLabel(t, data.lang)).join(", ") || w.none],
    [w.generated, data.generatedOn],
    [w.library, `${data.library.version} (${data.library.edition})`],
  ];
}

/** Render the workbook in memory (about a hundred rows: a few hundred kilobytes at most). */
export async function profileXlsx(data: ProfileExport, filename: string): Promise<ExportFile> {
  const { lang } = data;
  const w = wordsFor(lang);
  const workbook = new ExcelJS.Workbook();
  const counts = new Map<string, number>();
  for (const i of data.items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  addInfoSheet(workbook, w.summary, [
    [w.profileTitle, ""],
    ...headerPairs(data),
    ...(["implemented", "partial", "not_implemented", "not_applicable", "not_assessed"] as const).map((s): [string, string] => [
      statusLabel(s, lang),
      String(counts.get(s) ?? 0),
    ]),
    [w.legendTitle, ""],
    [certaintyLabel("verified", lang), w.legend.verified],
    [certaintyLabel("secondary", lang), w.legend.secondary],
    [certaintyLabel("uncertain", lang), w.legend.uncertain],
  ]);

  const columns: Column[] = [
    { key: "focusArea", header: w.focusArea, width: 24 },
    { key: "category", header: w.category, width: 26 },
    { key: "id", header: w.criterion, width: 9 },
    { key: "level", header: w.level, width: 16 },
    { key: "levelCertainty", header: w.levelCertainty, width: 16 },
    { key: "status", header: w.status, width: 16 },
    { key: "narrative", header: w.narrative, width: 60 },
    { key: "owner", header: w.owner, width: 22 },
    { key: "evidence", header: w.evidence, width: 60 },
    { key: "certainty", header: w.certainty, width: 16 },
    { key: "sources", header: w.sources, width: 50 },
    { key: "naJustification", header: w.naJustification, width: 40 },
    { key: "lastReviewed", header: w.lastReviewed, width: 14 },
  ];
  const rows: Row[] = data.items.map((i) => ({
    focusArea: i.focusArea,
    category: i.category,
    id: i.criterionId,
    level: i.levelCertainty === "uncertain" ? `${i.level} (${w.uncertainLevel})` : i.level,
    levelCertainty: certaintyLabel(i.levelCertainty, lang),
    status: statusLabel(i.status, lang),
    narrative: i.narrative ?? "",
    owner: i.owner ?? "",
    evidence: i.evidence.map((e) => `${e.title} · v${e.version} · SHA-256 ${e.sha256}`).join("\n"),
    certainty: certaintyLabel(i.provenance.certainty, lang),
    sources: [...i.provenance.sources, ...(i.provenance.note ? [i.provenance.note] : [])].join("; "),
    naJustification: i.naJustification ?? "",
    lastReviewed: i.lastReviewedOn ?? "",
  }));
  const uncertain = certaintyLabel("uncertain", lang);
  addTableSheet(workbook, w.profileSheet, columns, rows, (row) =>
    (["level", "levelCertainty", "certainty"] as const).filter((k) => row[k] === uncertain || row[k]?.endsWith(`(${w.uncertainLevel})`)),
  );
  addTableSheet(
    workbook,
    w.evidenceSheet,
    [
      { key: "id", header: w.criterion, width: 9 },
      { key: "title", header: w.evidenceTitle, width: 40 },
      { key: "version", header: w.evidenceVersion, width: 9 },
      { key: "file", header: w.evidenceFile, width: 30 },
      { key: "sha256", header: "SHA-256", width: 70 },
    ],
    data.items.flatMap((i) =>
      i.evidence.map((e) => ({ id: i.criterionId, title: e.title, version: String(e.version), file: e.filename, sha256: e.sha256 })),
    ),
  );
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { body, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename };
}
