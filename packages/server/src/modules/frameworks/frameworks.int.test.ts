import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { criteriaFor, MSC_LIBRARY } from "@portcullis/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture, unique } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { Multipart } from "../../test/multipart.ts";

const templates = path.join(path.dirname(fileURLToPath(import.meta.url)), "templates");
type FileSpec = { filename: string; data: Buffer | string; contentType?: string };

describe("custom frameworks", () => {
  let h: Harness;
  let owner: Caller;
  let analyst: Caller;
  let auditor: Caller;

  const send = (caller: Caller, file: FileSpec | null, fields: Record<string, string> = {}) => {
    const parts: ConstructorParameters<typeof Multipart>[0] = { ...fields };
    if (file) parts.file = { filename: file.filename, contentType: file.contentType ?? "application/octet-stream", data: file.data };
    const m = new Multipart(parts);
    return caller.request("POST", "/api/frameworks/import", m.payload, { "content-type": m.contentType });
  };

  /** Row counts of everything an import may write, for one company: a refusal must leave them unchanged. */
  async function counts(tenantId: string) {
    const [row] = await h.rawQuery<{ f: number; c: number; m: number; a: number }>(
      `SELECT (SELECT count(*)::int FROM frameworks WHERE tenant_id = $1) AS f,
              (SELECT count(*)::int FROM framework_controls WHERE tenant_id = $1) AS c,
              (SELECT count(*)::int FROM framework_mappings WHERE tenant_id = $1) AS m,
              (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1) AS a`,
      [tenantId],
    );
    return row;
  }

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    analyst = await addCaller(h, owner.tenantId, "analyst");
    auditor = await addCaller(h, owner.tenantId, "auditor");
  });
  afterAll(() => h?.close());

  it("previews a dry run without saving, then commits the same file in one audited step", async () => {
    const yaml = { filename: "internal-controls-2026.yaml", data: fs.readFileSync(path.join(templates, "internal-controls-2026.yaml")) };
    const before = await counts(owner.tenantId);
    const dry = await send(analyst, yaml, { dryRun: "true" });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      name: "Internal controls 2026",
      version: "2026.1",
      format: "yaml",
      controls: 6,
      mappings: 7,
      errors: [],
    });
    expect(dry.json().sample[0]).toMatchObject({
      ref: "IC-01",
      mappings: [
        { criterionId: "6.1", relation: "subset" },
        { criterionId: "6.2", relation: "related" },
      ],
    });
    expect(await counts(owner.tenantId)).toEqual(before);

    const saved = await send(analyst, yaml, { dryRun: "false" });
    expect(saved.statusCode, saved.body).toBe(201);
    const fw = saved.json();
    expect(fw).toMatchObject({ name: "Internal controls 2026", version: "2026.1", controlCount: 6, mappingCount: 7, archived: false });
    expect(fw.createdBy).toEqual({ id: analyst.userId, displayName: analyst.email });
    const after = await counts(owner.tenantId);
    expect(after).toEqual({ f: (before?.f ?? 0) + 1, c: (before?.c ?? 0) + 6, m: (before?.m ?? 0) + 7, a: (before?.a ?? 0) + 1 });

    const detail = (await auditor.request("GET", `/api/frameworks/${fw.id}`)).json();
    expect(detail.controls.map((c: { ref: string }) => c.ref)).toEqual(["IC-01", "IC-02", "IC-03", "IC-04", "IC-05", "IC-06"]);
    expect(detail.controls[3]).toMatchObject({
      ref: "IC-04",
      status: "not_assessed",
      mappings: [
        { criterionId: "4.8", relation: "equal" },
        { criterionId: "4.9", relation: "related" },
      ],
    });
    const events = (await owner.request("GET", `/api/audit/events?entityType=framework&entityId=${fw.id}`)).json().items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "framework.import", after: { controls: 6, mappings: 7, format: "yaml" } });
    const list = (await auditor.request("GET", "/api/frameworks")).json();
    expect(list.items.map((f: { id: string }) => f.id)).toContain(fw.id);
  });

  it("reports every bad row with its line and column, and saves nothing (dry run or not)", async () => {
    const csv = [
      "ref,title,description,msc",
      "A-1,Seal log,,6.1=equal",
      "A-2,,,6.2",
      "A-1,Repeated,,6.3",
      "A-3,Unknown ID,,6.99=equal",
      "A-4,Bad relation,,6.2=overlaps",
      'A-5,"Fine, multi',
      'line",,7.1',
    ].join("\n");
    const before = await counts(owner.tenantId);
    for (const dryRun of ["true", "false"]) {
      const res = await send(owner, { filename: "bad.csv", data: csv }, { dryRun, name: unique("Bad") });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe("import_invalid");
      expect(res.json().error.details.errors).toEqual([
        { row: 3, column: "title", message: "title is empty" },
        { row: 4, column: "ref", message: 'duplicate ref "A-1" (first on row 2)' },
        { row: 5, column: "msc", message: '"6.99" is not an MSC criterion ID' },
        { row: 6, column: "msc", message: 'relation "overlaps" for 6.2 is not one of equal, subset, superset, related' },
      ]);
    }
    const tooMany = ["ref,title", ...Array.from({ length: 5001 }, (_, i) => `R${i},Control ${i}`)].join("\n");
    const capped = await send(owner, { filename: "big.csv", data: tooMany }, { name: unique("Big") });
    expect(capped.statusCode).toBe(422);
    expect(capped.json().error.details.errors).toEqual([{ row: 5002, column: "", message: "too many controls: at most 5,000 per file" }]);
    expect(await counts(owner.tenantId)).toEqual(before);
  });

  it("refuses unreadable files and bad requests with 4xx and saves nothing", async () => {
    const before = await counts(owner.tenantId);
    const cases: [FileSpec | null, Record<string, string>, number, string][] = [
      [{ filename: "old.xls", data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) }, {}, 415, "unsupported_media_type"],
      [{ filename: "fake.xlsx", data: "ref,title\nA,B\n" }, {}, 415, "unsupported_media_type"],
      [{ filename: "notes.pdf", data: "%PDF-1.4 nothing" }, {}, 415, "unsupported_media_type"],
      [{ filename: "broken.csv", data: 'ref,title\nA,"never closed\n' }, {}, 400, "bad_request"],
      [{ filename: "broken.yaml", data: "controls: [unclosed\n" }, {}, 400, "bad_request"],
      [{ filename: "damaged.xlsx", data: Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 7)]) }, {}, 400, "bad_request"],
      [{ filename: "empty.csv", data: "" }, {}, 400, "bad_request"],
      [{ filename: "huge.csv", data: Buffer.alloc(5 * 1024 * 1024 + 10, 0x61) }, {}, 413, "payload_too_large"],
      [null, { name: "No file" }, 400, "validation_failed"],
      [{ filename: "ok.csv", data: "ref,title\nA,B\n" }, { colour: "red" }, 400, "validation_failed"],
      [{ filename: "ok.csv", data: "ref,title\nA,B\n" }, { dryRun: "maybe" }, 400, "validation_failed"],
    ];
    for (const [file, fields, status, code] of cases) {
      const res = await send(owner, file, fields);
      expect(res.statusCode, `${file?.filename} ${JSON.stringify(fields)}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const json = await owner.request("POST", "/api/frameworks/import", { file: "ref,title" });
    expect(json.statusCode).toBe(415);
    expect(await counts(owner.tenantId)).toEqual(before);
  });

  it("answers 409 when the same name and version is imported again, even after archiving", async () => {
    const name = unique("Repeat");
    const file = { filename: "r.csv", data: "ref,title\nR-1,One\n" };
    expect((await send(owner, file, { name, version: "1" })).statusCode).toBe(201);
    const before = await counts(owner.tenantId);
    for (const dryRun of ["true", "false"]) {
      const again = await send(owner, file, { name, version: "1", dryRun });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe("conflict");
    }
    expect(await counts(owner.tenantId)).toEqual(before);
    expect((await send(owner, file, { name, version: "2" })).statusCode).toBe(201);
    const id = (await owner.request("GET", "/api/frameworks"))
      .json()
      .items.find((f: { version: string; name: string }) => f.name === name && f.version === "2").id;
    expect((await owner.request("POST", `/api/frameworks/${id}/archive`)).json()).toMatchObject({ archived: true });
    expect((await send(owner, file, { name, version: "2" })).statusCode).toBe(409);
    const listed = (await owner.request("GET", "/api/frameworks")).json().items.map((f: { id: string }) => f.id);
    expect(listed).not.toContain(id);
    expect((await owner.request("GET", "/api/frameworks?includeArchived=true")).json().items.map((f: { id: string }) => f.id)).toContain(
      id,
    );
  });

  it("keeps a CSV's BOM, accents, quoted commas and newlines; names the framework after the file", async () => {
    const csv =
      '\uFEFFReferencia;Título;Descripción;MSC\nMX-1;Revisión de sellos;"Línea uno;\ncon acentos: áéíóú ñ";"6.1=igual; 6.2=relacionado"\n';
    const res = await send(owner, { filename: "Controles OEA.csv", data: Buffer.from(csv, "utf8"), contentType: "text/csv" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: "Controles OEA", version: "", sourceFilename: "Controles OEA.csv" });
    const detail = (await owner.request("GET", `/api/frameworks/${res.json().id}`)).json();
    expect(detail.controls[0]).toMatchObject({
      ref: "MX-1",
      title: "Revisión de sellos",
      description: "Línea uno;\ncon acentos: áéíóú ñ",
      mappings: [
        { criterionId: "6.1", relation: "equal" },
        { criterionId: "6.2", relation: "related" },
      ],
    });
  });

  it("imports an XLSX workbook built with exceljs (first sheet, header row), and reports its rows by Excel number", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("PIP");
    ws.addRow(["REF", "Title", "Description", "MSC"]);
    ws.addRow(["PIP-1", "Container inspection", "Seven-point check", "7.1=equal; 7.2=subset"]);
    ws.addRow(["PIP-2", { richText: [{ text: "Rich " }, { text: "title" }] }, null, "12.10"]);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await send(owner, { filename: "pip.xlsx", data: good }, { name: unique("PIP"), version: "2025" });
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await owner.request("GET", `/api/frameworks/${res.json().id}`)).json();
    expect(detail.controls.map((c: { ref: string; title: string }) => [c.ref, c.title])).toEqual([
      ["PIP-1", "Container inspection"],
      ["PIP-2", "Rich title"],
    ]);
    expect(detail.controls[1].mappings).toEqual([{ criterionId: "12.10", relation: "related" }]);

    ws.addRow(["PIP-3", "Broken", null, "7.1=nope"]);
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const refused = await send(owner, { filename: "pip.xlsx", data: bad }, { name: unique("PIP") });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.errors).toEqual([
      { row: 4, column: "MSC", message: 'relation "nope" for 7.1 is not one of equal, subset, superset, related' },
    ]);
  });

  it("records the company's status of a control (audited); refuses unknown refs, archived frameworks and readers", async () => {
    const res = await send(
      owner,
      { filename: "s.csv", data: "ref,title,msc\nS-1,Seals,6.2=equal\nS-2,Other,\n" },
      { name: unique("Assess") },
    );
    const id = res.json().id;
    const ok = await analyst.request("PATCH", `/api/frameworks/${id}/controls`, { ref: "S-1", status: "implemented" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ref: "S-1", status: "implemented", mappings: [{ criterionId: "6.2", relation: "equal" }] });
    const events = (await owner.request("GET", `/api/audit/events?entityType=framework&entityId=${id}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toContain("framework.control.assess");

    const before = await counts(owner.tenantId);
    const unknown = await owner.request("PATCH", `/api/frameworks/${id}/controls`, { ref: "S-9", status: "partial" });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, "not_found"]);
    const reader = await auditor.request("PATCH", `/api/frameworks/${id}/controls`, { ref: "S-1", status: "partial" });
    expect(reader.statusCode).toBe(403);
    const badStatus = await owner.request("PATCH", `/api/frameworks/${id}/controls`, { ref: "S-1", status: "done" });
    expect(badStatus.statusCode).toBe(400);
    expect(await counts(owner.tenantId)).toEqual(before);

    await owner.request("POST", `/api/frameworks/${id}/archive`);
    const archived = await owner.request("PATCH", `/api/frameworks/${id}/controls`, { ref: "S-2", status: "partial" });
    expect([archived.statusCode, archived.json().error.code]).toEqual([422, "rule_violation"]);
    const [row] = await h.rawQuery<{ status: string | null }>(
      "SELECT status FROM framework_controls WHERE framework_id = $1 AND ref = 'S-2'",
      [id],
    );
    expect(row?.status).toBeNull();
  });

  it("derives draft statuses both ways from a constructed profile", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const importerIds = new Set(criteriaFor(["importer"], { on: today }).map((c) => c.criterion.id));
    for (const id of ["6.1", "6.2", "7.1", "2.1", "1.1"]) expect(importerIds.has(id), id).toBe(true);
    const outside = MSC_LIBRARY.criteria.find((c) => !importerIds.has(c.id))?.id ?? "";
    expect(outside).not.toBe("");

    const company = await createTenantFixture(h);
    for (const [criterionId, status] of [
      ["6.2", "implemented"],
      ["6.1", "partial"],
      ["7.1", "implemented"],
      ["2.1", "not_implemented"],
      ["1.1", "not_applicable"],
    ]) {
      await h.rawQuery("INSERT INTO profile_items (tenant_id, criterion_id, status, narrative) VALUES ($1, $2, $3, 'x')", [
        company.tenantId,
        criterionId,
        status,
      ]);
    }
    const csv = [
      "ref,title,msc",
      "C-EQ,Equal,6.2=equal",
      "C-SUP,Superset,6.1=superset",
      "C-SUB,Subset,7.1=subset",
      "C-REL,Related,2.1",
      "C-NA,Not applicable,1.1=equal",
      "C-NONE,Unmapped,",
      "C-MIX,Mixed,6.1=related; 6.2=superset",
      `C-OUT,Outside the profile,${outside}=equal`,
    ].join("\n");
    const fw = await send(company, { filename: "cov.csv", data: csv }, { name: "Coverage" });
    expect(fw.statusCode, fw.body).toBe(201);
    const id = fw.json().id;
    for (const [ref, status] of [
      ["C-EQ", "implemented"],
      ["C-SUP", "implemented"],
      ["C-SUB", "implemented"],
      ["C-REL", "partial"],
    ]) {
      expect((await company.request("PATCH", `/api/frameworks/${id}/controls`, { ref, status })).statusCode).toBe(200);
    }
    const res = await company.request("GET", `/api/frameworks/${id}/coverage`);
    expect(res.statusCode, res.body).toBe(200);
    const cov = res.json();
    const derived = Object.fromEntries(cov.controls.map((c: { ref: string; derivedStatus: string }) => [c.ref, c.derivedStatus]));
    expect(derived).toEqual({
      "C-EQ": "implemented",
      "C-SUP": "partial",
      "C-SUB": "partial",
      "C-REL": "not_implemented",
      "C-NA": "not_applicable",
      "C-NONE": "not_assessed",
      "C-MIX": "implemented",
      "C-OUT": "not_assessed",
    });
    expect(cov.controls.find((c: { ref: string }) => c.ref === "C-OUT").mappings).toEqual([
      { criterionId: outside, relation: "equal", level: null, profileStatus: null },
    ]);
    type Row = { criterionId: string; derivedStatus: string; profileStatus: string; controls: unknown[] };
    const byId = new Map<string, Row>(cov.criteria.map((c: Row) => [c.criterionId, c]));
    expect(cov.criteria).toHaveLength(importerIds.size);
    expect(byId.get("6.2")).toMatchObject({ profileStatus: "implemented", derivedStatus: "implemented" });
    expect(byId.get("6.1")).toMatchObject({ profileStatus: "partial", derivedStatus: "partial" });
    expect(byId.get("7.1")?.derivedStatus).toBe("implemented");
    expect(byId.get("2.1")?.derivedStatus).toBe("partial");
    expect(byId.get("1.1")).toMatchObject({ profileStatus: "not_applicable", derivedStatus: "not_assessed" });
    expect(byId.get("12.1")).toMatchObject({ derivedStatus: "not_assessed", controls: [] });
    expect(byId.has(outside)).toBe(false);
    expect(cov.summary.controls).toEqual({
      total: 8,
      implemented: 2,
      partial: 2,
      not_implemented: 1,
      not_applicable: 1,
      not_assessed: 2,
      unmapped: 1,
    });
    expect(cov.summary.criteria).toMatchObject({ total: importerIds.size, implemented: 2, partial: 2, uncovered: importerIds.size - 5 });
  });

  it("answers another company's framework exactly like a missing one, on every :id route", async () => {
    const other = await createTenantFixture(h);
    const theirs = (await send(other, { filename: "t.csv", data: "ref,title\nT-1,Theirs\n" }, { name: "Theirs" })).json().id;
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const [method, suffix, body] of [
      ["GET", "", undefined],
      ["GET", "/coverage", undefined],
      ["PATCH", "/controls", { ref: "T-1", status: "implemented" }],
      ["POST", "/archive", undefined],
    ] as const) {
      const a = await owner.request(method, `/api/frameworks/${theirs}${suffix}`, body);
      const b = await owner.request(method, `/api/frameworks/${missing}${suffix}`, body);
      expect(a.statusCode).toBe(404);
      expect(a.json()).toEqual(b.json());
    }
    const [row] = await h.rawQuery<{ archived_at: unknown; status: unknown }>(
      "SELECT f.archived_at, c.status FROM frameworks f JOIN framework_controls c ON c.framework_id = f.id WHERE f.id = $1",
      [theirs],
    );
    expect(row).toEqual({ archived_at: null, status: null });
  });
});
