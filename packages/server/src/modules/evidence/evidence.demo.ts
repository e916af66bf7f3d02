import { Kysely } from "kysely";
import PDFDocument from "pdfkit";
import type { Actor } from "../../audit/audit.service.ts";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/open.ts";
import type { Database } from "../../db/schema.ts";
import { withScope } from "../../db/tx.ts";
import { checkDateOrder, knownCriterionIds } from "./evidence.input.ts";
import type { EvidenceView } from "./evidence.schema.ts";
import { insertEvidence } from "./evidence.service.ts";
import { commitEvidenceFile, writeTempEvidence } from "./evidence.store.ts";
import { sniffEvidenceFile } from "./evidence.types.ts";

/** One piece of demo evidence; its file is generated from `text`. */
export interface DemoEvidenceItem {
  title: string;
  category: "document" | "photo" | "certificate" | "training" | "inspection" | "other";
  /** The file's content: rendered as a one-page PDF, or stored as UTF-8 text with format "text". */
  text: string;
  /** MSC criterion IDs to link (each must exist in the library). */
  criterionIds: string[];
  expiresOn?: string | null;
  effectiveOn?: string | null;
  remindDays?: number;
  description?: string | null;
  /** "pdf" (default) or "text". */
  format?: "pdf" | "text";
}

/**
 * Store demo evidence for a tenant through the same path as an upload: temporary file, content sniffing,
 * rows and audit event in one transaction, file moved into the vault after the commit.
 * Throws on an unknown criterion ID or bad dates (a bug in the demo data, not something to paper over).
 */
export async function seedEvidenceDemo(options: {
  db: Db | Kysely<Database>;
  config: Pick<Config, "evidenceDir">;
  tenantId: string;
  actor: Actor;
  items: DemoEvidenceItem[];
}): Promise<EvidenceView[]> {
  const kysely = options.db instanceof Kysely ? options.db : options.db.kysely;
  const { evidenceDir } = options.config;
  const created: EvidenceView[] = [];
  for (const item of options.items) {
    const criterionIds = knownCriterionIds(item.criterionIds, "criterionIds");
    checkDateOrder(item.effectiveOn, item.expiresOn);
    const format = item.format ?? "pdf";
    const data = format === "pdf" ? await renderPdf(item.title, item.text) : Buffer.from(item.text, "utf8");
    const filename = `${slug(item.title)}.${format === "pdf" ? "pdf" : "txt"}`;
    const file = await writeTempEvidence(evidenceDir, data);
    const view = await commitEvidenceFile({
      evidenceDir,
      tenantId: options.tenantId,
      file,
      transaction: async () => {
        const sniffed = await sniffEvidenceFile({ path: file.tmpPath, filename, declaredType: "" });
        return withScope(kysely, { tenantId: options.tenantId, userId: options.actor.id }, (tx) =>
          insertEvidence(tx, {
            tenantId: options.tenantId,
            actor: options.actor,
            requestId: null,
            input: { ...item, criterionIds },
            file: { sha256: file.sha256, size: file.size, mediaType: sniffed.mediaType, filename },
          }),
        );
      },
    });
    created.push(view);
  }
  return created;
}

function slug(title: string): string {
  const s = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return s || "evidence";
}

/** A small one-page PDF: the title, then the text. */
function renderPdf(title: string, text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", margin: 72, info: { Title: title, Producer: "Portcullis demo" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.fontSize(16).text(title);
  doc.moveDown();
  doc.fontSize(11).text(text);
  doc.end();
  return done;
}
