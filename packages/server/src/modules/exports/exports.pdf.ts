/**
 * The Security Profile export as a PDF (pdfkit). Helvetica is one of the PDF standard fonts: nothing to embed,
 * and its WinAnsi encoding covers Spanish (á é í ó ú ñ ü ¿ ¡). Characters outside WinAnsi are folded to their
 * base letter or replaced by "?" so a stray symbol can never break the file.
 */
import type { Certainty } from "@portcullis/domain";
import PDFDocument from "pdfkit";
import type { ExportFile } from "./exports.criteria.ts";
import { certaintyLabel, statusLabel, wordsFor } from "./exports.labels.ts";
import type { ExportItem, ProfileExport } from "./exports.profile.ts";
import { headerPairs } from "./exports.profile-xlsx.ts";

// WinAnsi (Windows-1252) beyond Latin-1: the characters pdfkit can encode in the standard fonts.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

function encodable(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return ch === "\n" || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

// Symbols people type in narratives that have a plain spelling.
const SPELLED: Record<string, string> = { "≥": ">=", "≤": "<=", "≠": "!=", "→": "->", "←": "<-", "↔": "<->", "✓": "v", "✔": "v", "−": "-" };

/** Text the standard fonts can show: tabs as spaces, other characters spelled out, folded ("ő" → "o") or replaced by "?". */
export function pdfText(text: string): string {
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n").replace(/\t/g, " ")) {
    if (encodable(ch)) {
      out += ch;
      continue;
    }
    const spelled = SPELLED[ch];
    if (spelled) {
      out += spelled;
      continue;
    }
    const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
    out += base !== "" && [...base].every(encodable) ? base : "?";
  }
  return out;
}

const INK = "#1f2933";
const MUTED = "#52606d";
const WARN = "#b54708";
const RULE = "#cbd2d9";

/** Render the profile; pages are buffered (for "page n of m") and the bytes collected: a ~100-item profile is a few hundred KB. */
export async function profilePdf(data: ProfileExport, filename: string): Promise<ExportFile> {
  const { lang } = data;
  const w = wordsFor(lang);
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: 50, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: pdfText(`${w.profileTitle} - ${data.company.legalName}`), Author: "Portcullis", CreationDate: new Date() },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  const t = (s: string) => pdfText(s);
  const certaintyRun = (certainty: Certainty, after = "") => {
    const uncertain = certainty === "uncertain";
    doc
      .font(uncertain ? "Helvetica-Bold" : "Helvetica")
      .fillColor(uncertain ? WARN : INK)
      .text(t(certaintyLabel(certainty, lang)), { continued: after !== "" });
    if (after !== "") doc.font("Helvetica").fillColor(INK).text(t(after));
  };

  // Header: company, account number, entity types, date and library data version.
  doc.font("Helvetica-Bold").fontSize(18).fillColor(INK).text(t(w.profileTitle));
  doc.moveDown(0.5).fontSize(10);
  for (const [label, value] of headerPairs(data)) {
    doc
      .font("Helvetica-Bold")
      .text(t(`${label}: `), { continued: true })
      .font("Helvetica")
      .text(t(value));
  }
  const counts = new Map<string, number>();
  for (const i of data.items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const summary = (["implemented", "partial", "not_implemented", "not_applicable", "not_assessed"] as const)
    .map((s) => `${statusLabel(s, lang)}: ${counts.get(s) ?? 0}`)
    .join("   ");
  doc
    .moveDown(0.5)
    .font("Helvetica-Bold")
    .text(t(`${w.summary}: `), { continued: true })
    .font("Helvetica")
    .text(t(summary));

  // Legend of certainty grades, so a reader knows what "UNCERTAIN" means before meeting it.
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(10).text(t(w.legendTitle));
  doc.fontSize(9);
  for (const grade of ["verified", "secondary", "uncertain"] as const) {
    certaintyRun(grade, ` - ${w.legend[grade].split(": ").slice(1).join(": ")}`);
  }

  let focusArea = "";
  let category = "";
  for (const item of data.items) {
    if (item.focusArea !== focusArea) {
      focusArea = item.focusArea;
      if (doc.y > doc.page.height - 200) doc.addPage();
      doc.moveDown(1).font("Helvetica-Bold").fontSize(14).fillColor(INK).text(t(focusArea), left, doc.y, { width });
    }
    if (item.category !== category) {
      category = item.category;
      if (doc.y > doc.page.height - 160) doc.addPage();
      doc.moveDown(0.6).font("Helvetica-Bold").fontSize(11.5).fillColor(INK).text(t(category), left, doc.y, { width });
    }
    writeItem(doc, item, data, { left, width, certaintyRun });
  }

  // Page numbers: write into the bottom margin of every buffered page without letting pdfkit add a page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor(MUTED)
      .text(t(`${data.company.legalName} · ${w.profileTitle} · ${w.page(i - range.start + 1, range.count)}`), left, doc.page.height - 40, {
        width,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await finished;
  return { body: Buffer.concat(chunks), contentType: "application/pdf", filename };
}

function writeItem(
  doc: PDFKit.PDFDocument,
  item: ExportItem,
  data: ProfileExport,
  layout: { left: number; width: number; certaintyRun: (c: Certainty, after?: string) => void },
): void {
  const { lang } = data;
  const w = wordsFor(lang);
  const t = (s: string) => pdfText(s);
  const { left, width } = layout;
  // Keep the heading line with at least a few lines of its text.
  if (doc.y > doc.page.height - 130) doc.addPage();
  doc.moveDown(0.4);
  doc
    .font("Helvetica-Bold")
    .fontSize(10)
    .fillColor(INK)
    .text(t(`${item.criterionId}   ${item.level}`), left, doc.y, { width, continued: true });
  if (item.levelCertainty === "uncertain") {
    doc.fillColor(WARN).text(t(` (${w.uncertainLevel.toUpperCase()})`), { continued: true });
  }
  doc.fillColor(INK).text(t(`   ${statusLabel(item.status, lang)}`));
  doc.font("Helvetica").fontSize(8.5).fillColor(MUTED).text(t(item.requirement), { width });
  doc.fontSize(9).fillColor(INK);
  const field = (label: string, value: string) => {
    doc
      .font("Helvetica-Bold")
      .text(t(`${label}: `), { continued: true })
      .font("Helvetica")
      .text(t(value), { width });
  };
  field(w.narrative, item.narrative ?? "-");
  field(w.owner, item.owner ?? "-");
  if (item.naJustification) field(w.naJustification, item.naJustification);
  if (item.evidence.length === 0) {
    field(w.evidence, w.none);
  } else {
    doc.font("Helvetica-Bold").text(t(`${w.evidence}:`));
    for (const e of item.evidence) {
      doc.font("Helvetica").text(t(`• ${e.title} (v${e.version}, ${e.filename})`), left + 10, doc.y, { width: width - 10 });
      doc
        .font("Courier")
        .fontSize(7.5)
        .text(`SHA-256 ${e.sha256}`, left + 20, doc.y, { width: width - 20 });
      doc.fontSize(9);
    }
    doc.x = left;
  }
  doc
    .font("Helvetica-Bold")
    .fillColor(INK)
    .text(t(`${w.certainty}: `), left, doc.y, { width, continued: true });
  const sources = [...item.provenance.sources, ...(item.provenance.note ? [item.provenance.note] : [])].join("; ");
  layout.certaintyRun(item.provenance.certainty, ` · ${w.sources}: ${sources}`);
  doc.fontSize(9);
  const y = doc.y + 3;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.y = y + 2;
}
