import { createHash } from "node:crypto";
import { criteriaFor, ENTITY_TYPES, MSC_LIBRARY } from "@portcullis/domain";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture, unique } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { Multipart, samplePdf } from "../../test/multipart.ts";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const today = () => new Date().toISOString().slice(0, 10);

/** Every text run of a PDF, page by page, as pdf.js reads it. */
async function pdfText(data: Buffer): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? `${i.str}${i.hasEOL ? "\n" : ""}` : "")).join(""));
  }
  await doc.destroy();
  return pages;
}

async function readXlsx(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as arrays of display strings (row 1 = header). */
function sheetRows(ws: ExcelJS.Worksheet | undefined): string[][] {
  const out: string[][] = [];
  ws?.eachRow((row) => {
    out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v))));
  });
  return out;
}

describe("exports", () => {
  let h: Harness;
  let owner: Caller;
  let legalName: string;
  let evidenceSha: string;
  const narrative = "Sellos ISO 17712 colocados en el andén; bitácora revisada cada semana.";

  beforeAll(async () => {
    h = await createHarness();
    legalName = `Exportadora Núñez ${unique("SA")}`;
    owner = await createTenantFixture(h, { legalName });
    expect((await owner.request("PATCH", "/api/tenant", { ctpatAccountNumber: "IMP-445566" })).statusCode).toBe(200);
    const put = await owner.request("PUT", "/api/security-profile/items/6.2", {
      status: "implemented",
      narrative,
      ownerUserId: owner.userId,
    });
    expect(put.statusCode, put.body).toBe(200);
    const pdf = samplePdf("Seal log for the export test");
    evidenceSha = sha256(pdf);
    const m = new Multipart({
      title: "Bitácora de sellos",
      criterionIds: "6.2",
      file: { filename: "bitacora.pdf", contentType: "application/pdf", data: pdf },
    });
    const up = await owner.request("POST", "/api/evidence", m.payload, { "content-type": m.contentType });
    expect(up.statusCode, up.body).toBe(201);
  });
  afterAll(() => h?.close());

  it("exports the profile as XLSX in Spanish: every applicable criterion in CBP order, Debe/Debería, evidence hashes, uncertainty marked", async () => {
    const res = await owner.request("GET", "/api/security-profile/export?format=xlsx&lang=es");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="security-profile-exportadora-nunez-sa-[a-z0-9-]+\.xlsx"/);
    const wb = await readXlsx(res.rawPayload);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Resumen", "Perfil", "Evidencia"]);

    const summary = sheetRows(wb.getWorksheet("Resumen"));
    expect(summary).toContainEqual(["Empresa", legalName]);
    expect(summary).toContainEqual(["Número de cuenta CTPAT", "IMP-445566"]);
    expect(summary).toContainEqual(["Tipos de entidad", "Importador"]);
    expect(summary.find((r) => r[0] === "Versión de datos de la biblioteca MSC")?.[1]).toContain(MSC_LIBRARY.version);

    const profile = wb.getWorksheet("Perfil");
    expect(profile?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const [header, ...rows] = sheetRows(profile);
    expect(header?.slice(0, 6)).toEqual(["Área de enfoque", "Categoría", "Criterio", "Debe/Debería", "Certeza del nivel", "Estado"]);
    const applicable = criteriaFor(["importer"], { on: today() });
    expect(rows.map((r) => r[2])).toEqual(applicable.map((c) => c.criterion.id));
    for (const r of rows) expect(r[3]).toMatch(/^(Debe|Debería)( \(incierto\))?$/);
    const row62 = rows.find((r) => r[2] === "6.2");
    const [me] = await h.rawQuery<{ display_name: string }>("SELECT display_name FROM users WHERE id = $1", [owner.userId]);
    expect(row62?.slice(3, 8)).toEqual(["Debe", "Verificado", "Implementado", narrative, me?.display_name]);
    expect(row62?.[8]).toBe(`Bitácora de sellos · v1 · SHA-256 ${evidenceSha}`);
    const uncertain = applicable.find((c) => c.certainty === "uncertain");
    expect(uncertain).toBeDefined();
    const rowU = rows.find((r) => r[2] === uncertain?.criterion.id);
    expect(rowU?.[3]).toMatch(/\(incierto\)$/);
    expect(rowU?.[4]).toBe("INCIERTO");
    expect(rows.find((r) => r[2] === "1.1")?.[5]).toBe("Sin evaluar");

    expect(sheetRows(wb.getWorksheet("Evidencia")).slice(1)).toEqual([["6.2", "Bitácora de sellos", "1", "bitacora.pdf", evidenceSha]]);
  });

  it("exports the profile as a PDF that names the company, the saved narrative and the evidence SHA-256", async () => {
    const res = await owner.request("GET", "/api/security-profile/export?format=pdf&lang=en");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename=".+\.pdf"; filename\*=UTF-8''security-profile-/);
    const pages = await pdfText(res.rawPayload);
    const all = pages.join("\n");
    const squashed = all.replace(/\s+/g, "");
    expect(all).toContain(legalName);
    expect(all).toContain("IMP-445566");
    expect(squashed).toContain(narrative.replace(/\s+/g, ""));
    expect(squashed).toContain(evidenceSha);
    expect(all).toContain("UNCERTAIN");
    expect(all).toContain("How sure each fact is");
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    // CBP order: focus area 1 comes before 2 and 3.
    expect(all.indexOf("1. Corporate Security")).toBeLessThan(all.indexOf("2. Transportation Security"));
    expect(all.indexOf("2. Transportation Security")).toBeLessThan(all.indexOf("3. People and Physical Security"));

    const es = await pdfText((await owner.request("GET", "/api/security-profile/export?format=pdf&lang=es")).rawPayload);
    const esText = es.join("\n");
    expect(esText).toMatch(/\bDebe\b/);
    expect(esText).toContain("Debería");
    expect(esText).toContain("INCIERTO");
    expect(esText).toContain("Página 1 de");
    expect(esText).toContain("La seguridad empresarial");
  });

  it("exports a full 101-criterion profile quickly", async () => {
    const big = await createTenantFixture(h);
    expect((await big.request("PATCH", "/api/tenant", { entityTypes: [...ENTITY_TYPES] })).statusCode).toBe(200);
    const expected = criteriaFor([...ENTITY_TYPES], { on: today() }).length;
    expect(expected).toBeGreaterThan(95);
    for (const format of ["pdf", "xlsx"]) {
      const t0 = Date.now();
      const res = await big.request("GET", `/api/security-profile/export?format=${format}&lang=es`);
      const ms = Date.now() - t0;
      expect(res.statusCode).toBe(200);
      expect(ms, `${format} took ${ms} ms`).toBeLessThan(5000);
    }
    const wb = await readXlsx((await big.request("GET", "/api/security-profile/export?format=xlsx")).rawPayload);
    expect(sheetRows(wb.getWorksheet("Profile")).length - 1).toBe(expected);
  });

  it("exports the library as CSV and JSON whose IDs round-trip, filtered by entity type, with Spanish levels", async () => {
    const libraryIds = MSC_LIBRARY.criteria.map((c) => c.id).sort();
    const json = await owner.request("GET", "/api/criteria/export?format=json&lang=es");
    expect(json.statusCode).toBe(200);
    expect(json.headers["content-disposition"]).toContain(`msc-criteria-${MSC_LIBRARY.version}-es.json`);
    const body = JSON.parse(json.body);
    expect(body.library.version).toBe(MSC_LIBRARY.version);
    expect(body.criteria.map((c: { id: string }) => c.id).sort()).toEqual(libraryIds);
    expect(body.criteria[0].id).toBe("1.1");

    const csv = await owner.request("GET", "/api/criteria/export?format=csv&lang=es&entityType=importer");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parseCsv(csv.rawPayload, { bom: true }) as string[][];
    expect(header?.slice(0, 4)).toEqual(["ID", "Área de enfoque", "Categoría", "Debe/Debería: Importador"]);
    const importerIds = MSC_LIBRARY.criteria
      .filter((c) => c.applicability.importer || c.levelUnknown.some((u) => u.entityTypes.includes("importer")))
      .map((c) => c.id)
      .sort();
    expect(rows.map((r) => r[0]).sort()).toEqual(importerIds);
    for (const r of rows) expect(r[3]).toMatch(/^(Debe|Debería)( \(incierto\))?$|^\? /);
    expect(rows.find((r) => r[0] === "3.9")?.[header?.indexOf("Cambios con fecha de vigencia") ?? -1]).toMatch(/pasó a Debe/);

    const all = await owner.request("GET", "/api/criteria/export?format=csv&entityType=");
    const allRows = (parseCsv(all.rawPayload, { bom: true }) as string[][]).slice(1);
    expect(allRows.map((r) => r[0]).sort()).toEqual(libraryIds);
  });

  it("exports the library as XLSX to any signed-in user, and refuses bad queries and outsiders", async () => {
    const partner = await addCaller(h, owner.tenantId, "partner");
    const res = await partner.request("GET", "/api/criteria/export?format=xlsx&lang=en");
    expect(res.statusCode).toBe(200);
    const wb = await readXlsx(res.rawPayload);
    const rows = sheetRows(wb.getWorksheet("Criteria"));
    expect(rows.length - 1).toBe(MSC_LIBRARY.criteria.length);
    expect(rows[0]).toContain("Must/Should: Importer");
    expect(
      new Set(
        rows
          .slice(1)
          .flatMap((r) => r.filter((v) => /^(Must|Should)/.test(v)))
          .map((v) => v.split(" ")[0]),
      ),
    ).toEqual(new Set(["Must", "Should"]));
    expect((await partner.request("GET", "/api/security-profile/export")).statusCode).toBe(403);
    for (const url of [
      "/api/criteria/export?format=pdf",
      "/api/criteria/export?lang=fr",
      "/api/security-profile/export?format=csv",
      "/api/criteria/export?entityType=pirate",
    ]) {
      const bad = await owner.request("GET", url);
      expect(bad.statusCode, url).toBe(400);
      expect(bad.json().error.code).toBe("validation_failed");
    }
    expect((await h.app.inject({ method: "GET", url: "/api/criteria/export" })).statusCode).toBe(401);
  });
});
