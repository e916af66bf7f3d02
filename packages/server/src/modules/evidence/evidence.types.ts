import fs from "node:fs";
import { fileTypeFromFile } from "file-type";
import { AppError } from "../../errors.ts";

/** The kinds of file the vault accepts, decided from the content. */
export type EvidenceKind = "pdf" | "png" | "jpeg" | "gif" | "webp" | "heic" | "docx" | "xlsx" | "pptx" | "zip" | "text";

interface KindRule {
  /** What people call it, for messages. */
  label: string;
  /** Media types the content sniffer reports for this kind. */
  sniffed: readonly string[];
  /** Declared Content-Types that agree with this kind (besides the sniffed ones). */
  declared: readonly string[];
  /** File extensions that agree with this kind. */
  extensions: readonly string[];
}

const ZIP_TYPES = ["application/zip", "application/x-zip-compressed", "application/zip-compressed", "multipart/x-zip"];
// Windows browsers label .csv files (and old Office installs label OOXML files) with the legacy Office types:
// a label of the same family, not a claim about the bytes.
const TEXT_TYPES = ["text/plain", "text/csv", "text/x-csv", "application/csv", "text/tab-separated-values", "application/vnd.ms-excel"];

const RULES: Record<EvidenceKind, KindRule> = {
  pdf: { label: "PDF", sniffed: ["application/pdf"], declared: ["application/x-pdf"], extensions: ["pdf"] },
  png: { label: "PNG image", sniffed: ["image/png", "image/apng"], declared: [], extensions: ["png", "apng"] },
  jpeg: {
    label: "JPEG image",
    sniffed: ["image/jpeg"],
    declared: ["image/jpg", "image/pjpeg"],
    extensions: ["jpg", "jpeg", "jpe", "jfif"],
  },
  gif: { label: "GIF image", sniffed: ["image/gif"], declared: [], extensions: ["gif"] },
  webp: { label: "WebP image", sniffed: ["image/webp"], declared: [], extensions: ["webp"] },
  heic: {
    label: "HEIC image",
    sniffed: ["image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"],
    declared: [],
    extensions: ["heic", "heif"],
  },
  docx: {
    label: "Word document (DOCX)",
    sniffed: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    declared: [...ZIP_TYPES, "application/msword"],
    extensions: ["docx"],
  },
  xlsx: {
    label: "Excel workbook (XLSX)",
    sniffed: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    declared: [...ZIP_TYPES, "application/vnd.ms-excel"],
    extensions: ["xlsx"],
  },
  pptx: {
    label: "PowerPoint presentation (PPTX)",
    sniffed: ["application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    declared: [...ZIP_TYPES, "application/vnd.ms-powerpoint"],
    extensions: ["pptx"],
  },
  zip: { label: "ZIP archive", sniffed: ["application/zip"], declared: ZIP_TYPES, extensions: ["zip"] },
  text: { label: "plain text or CSV", sniffed: [], declared: TEXT_TYPES, extensions: ["txt", "text", "csv", "tsv", "log", "md"] },
};

/** Declared types that make no claim about the content. */
const NO_CLAIM = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown", "application/x-unknown"]);

/** What the vault accepts, for messages and the API docs. */
export const ACCEPTED_TYPES_TEXT = "PDF, PNG, JPEG, GIF, WebP, HEIC, DOCX, XLSX, PPTX, ZIP, plain text or CSV (UTF-8)";

/** The outcome of sniffing one file. */
export interface SniffResult {
  kind: EvidenceKind;
  /** The media type to store and serve: from the content, never from the client's label. */
  mediaType: string;
}

/**
 * Decide a file's type from its content and check that the client's label (declared type and file extension)
 * agrees. Refuses with 415 unsupported_media_type when the content is not an accepted type, or when the label
 * contradicts it (an .exe renamed .pdf, HTML sent as image/png, a PDF named .png).
 */
export async function sniffEvidenceFile(options: { path: string; filename: string; declaredType: string }): Promise<SniffResult> {
  const detected = await fileTypeFromFile(options.path);
  let kind: EvidenceKind;
  if (detected) {
    const found = kindOfSniffed(detected.mime);
    if (!found) {
      throw new AppError(
        "unsupported_media_type",
        `The file's content is ${detected.ext.toUpperCase()}; the vault accepts ${ACCEPTED_TYPES_TEXT}`,
        {
          detected: detected.mime,
        },
      );
    }
    kind = found;
  } else if (await isUtf8Text(options.path)) {
    kind = "text";
  } else {
    throw new AppError("unsupported_media_type", `The file's type is not recognised; the vault accepts ${ACCEPTED_TYPES_TEXT}`);
  }
  const rule = RULES[kind];
  const ext = extensionOf(options.filename);
  if (ext !== null && !rule.extensions.includes(ext)) {
    throw new AppError("unsupported_media_type", `The file is named .${ext.slice(0, 20)} but its content is a ${rule.label}`, {
      detected: kind,
    });
  }
  const declared = options.declaredType;
  if (!NO_CLAIM.has(declared) && !rule.sniffed.includes(declared) && !rule.declared.includes(declared)) {
    throw new AppError("unsupported_media_type", `The file was sent as ${declared} but its content is a ${rule.label}`, { detected: kind });
  }
  return { kind, mediaType: kind === "text" ? textMediaType(ext, declared) : (detected?.mime ?? "application/octet-stream") };
}

function kindOfSniffed(mime: string): EvidenceKind | null {
  for (const [kind, rule] of Object.entries(RULES) as [EvidenceKind, KindRule][]) {
    if (rule.sniffed.includes(mime)) return kind;
  }
  return null;
}

/** The lower-case extension of a file name, or null when it has none ("README", ".profile"). */
export function extensionOf(filename: string): string | null {
  const dot = filename.lastIndexOf(".");
  return dot > 0 && dot < filename.length - 1 ? filename.slice(dot + 1).toLowerCase() : null;
}

function textMediaType(ext: string | null, declared: string): string {
  if (ext === "csv" || ["text/csv", "text/x-csv", "application/csv"].includes(declared)) return "text/csv";
  if (ext === "tsv" || declared === "text/tab-separated-values") return "text/tab-separated-values";
  return "text/plain";
}

/** True when the whole file is valid UTF-8 without NUL bytes (what "plain text" means here). */
export async function isUtf8Text(path: string): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(path)) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) return false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return true;
  } catch (err) {
    if (err instanceof TypeError) return false;
    throw err;
  }
}
