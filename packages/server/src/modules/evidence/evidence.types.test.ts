import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { multipartAppError, normaliseMediaType, safeFilename } from "../../http/upload.ts";
import { samplePdf } from "../../test/multipart.ts";
import { docx, EXE, GIF, HEIC, HTML, JPEG, PNG, WEBP, zip } from "./evidence.fixtures.ts";
import { contentDisposition, servedContentType } from "./evidence.http.ts";
import { evidenceStatus } from "./evidence.status.ts";
import { extensionOf, sniffEvidenceFile } from "./evidence.types.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-sniff-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function sniff(data: Buffer, filename: string, declaredType = "") {
  const file = path.join(dir, `f${n++}`);
  fs.writeFileSync(file, data);
  return sniffEvidenceFile({ path: file, filename, declaredType });
}
async function refusal(data: Buffer, filename: string, declaredType = ""): Promise<AppError> {
  const err = await sniff(data, filename, declaredType).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Seals").addRow(["Seal", "Container"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("content sniffing", () => {
  it("accepts each allowed type under its own name and label, and stores the sniffed type", async () => {
    const cases: [Buffer, string, string, string][] = [
      [samplePdf(), "policy.pdf", "application/pdf", "application/pdf"],
      [PNG, "dock.png", "image/png", "image/png"],
      [JPEG, "gate.JPG", "image/jpeg", "image/jpeg"],
      [GIF, "map.gif", "image/gif", "image/gif"],
      [WEBP, "seal.webp", "image/webp", "image/webp"],
      [HEIC, "truck.heic", "image/heic", "image/heic"],
      [docx(), "procedure.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword"],
      [await xlsx(), "seals.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"],
      [zip({ "a.txt": "hello" }), "bundle.zip", "application/zip", "application/x-zip-compressed"],
      [Buffer.from("Seal,Container\n123,MSCU1234567\n"), "seals.csv", "text/csv", "application/vnd.ms-excel"],
      [Buffer.from("Inspección de 17 puntos — sin hallazgos\n"), "notes.txt", "text/plain", "text/plain"],
      [Buffer.from("no extension, no label"), "README", "text/plain", ""],
    ];
    for (const [data, name, expected, declared] of cases) {
      expect((await sniff(data, name, declared)).mediaType, name).toBe(expected);
    }
  });

  it("refuses content the vault does not accept, whatever the label", async () => {
    const exe = await refusal(EXE, "report.pdf", "application/pdf");
    expect(exe.code).toBe("unsupported_media_type");
    expect(exe.message).toMatch(/EXE/);
    expect((await refusal(Buffer.from("a\u0000b"), "notes.txt", "text/plain")).code).toBe("unsupported_media_type");
    expect((await refusal(Buffer.from([0xc3, 0x28, 0x41]), "notes.txt")).code).toBe("unsupported_media_type");
    expect((await refusal(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), "x.svg")).code).toBe(
      "unsupported_media_type",
    );
  });

  it("refuses a label that contradicts the content", async () => {
    const html = await refusal(HTML, "photo.png", "image/png");
    expect(html.message).toMatch(/\.png/);
    const pdfAsPng = await refusal(samplePdf(), "scan.png");
    expect(pdfAsPng.message).toBe("The file is named .png but its content is a PDF");
    const declared = await refusal(samplePdf(), "scan.pdf", "image/png");
    expect(declared.message).toBe("The file was sent as image/png but its content is a PDF");
    expect((await refusal(HTML, "page.html", "text/html")).code).toBe("unsupported_media_type");
    expect((await refusal(PNG, "dock.exe")).code).toBe("unsupported_media_type");
    expect((await refusal(docx(), "procedure.xlsx")).code).toBe("unsupported_media_type");
  });
});

describe("helpers", () => {
  it("computes the expiry status at its boundaries", () => {
    const today = "2026-03-10";
    expect(evidenceStatus({ expiresOn: null, remindDays: 30, today })).toBe("no-expiry");
    expect(evidenceStatus({ expiresOn: "2026-03-09", remindDays: 30, today })).toBe("expired");
    expect(evidenceStatus({ expiresOn: "2026-03-10", remindDays: 0, today })).toBe("expiring");
    expect(evidenceStatus({ expiresOn: "2026-04-09", remindDays: 30, today })).toBe("expiring");
    expect(evidenceStatus({ expiresOn: "2026-04-10", remindDays: 30, today })).toBe("valid");
    expect(evidenceStatus({ expiresOn: "2026-03-11", remindDays: 0, today })).toBe("valid");
  });

  it("builds a safe Content-Disposition with an RFC 5987 name", () => {
    expect(contentDisposition('Inspección "final";.pdf')).toBe(
      "attachment; filename=\"Inspeccion _final__.pdf\"; filename*=UTF-8''Inspecci%C3%B3n%20%22final%22%3B.pdf",
    );
    expect(contentDisposition("封印.txt")).toMatch(/^attachment; filename="__\.txt"; filename\*=UTF-8''%E5%B0%81%E5%8D%B0\.txt$/);
    expect(servedContentType("text/csv")).toBe("text/csv; charset=utf-8");
    expect(servedContentType("application/pdf")).toBe("application/pdf");
  });

  it("reduces client file names and media types to safe values", () => {
    expect(safeFilename("C:\\fakepath\\..\\seal\u202egpj.exe")).toBe("sealgpj.exe");
    expect(safeFilename("../../etc/passwd")).toBe("passwd");
    expect(safeFilename("...")).toBe("upload");
    expect(safeFilename("a\u0000b\ud800.pdf")).toBe("ab\ufffd.pdf");
    const long = safeFilename(`${"x".repeat(500)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".pdf")).toBe(true);
    expect(normaliseMediaType("Image/PNG; charset=binary")).toBe("image/png");
    expect(normaliseMediaType("not a type")).toBe("");
    expect(extensionOf("archive.tar.GZ")).toBe("gz");
    expect(extensionOf(".profile")).toBeNull();
  });

  it("maps @fastify/multipart's errors to our codes", () => {
    const code = (c: string) => multipartAppError({ code: c })?.code;
    expect(code("FST_REQ_FILE_TOO_LARGE")).toBe("payload_too_large");
    expect(code("FST_PARTS_LIMIT")).toBe("payload_too_large");
    expect(code("FST_FILES_LIMIT")).toBe("bad_request");
    expect(code("FST_INVALID_MULTIPART_CONTENT_TYPE")).toBe("unsupported_media_type");
    expect(code("FST_MP_PREMATURE_CLOSE")).toBe("bad_request");
    expect(multipartAppError(new Error("other"))).toBeNull();
    expect(multipartAppError(null)).toBeNull();
  });
});
