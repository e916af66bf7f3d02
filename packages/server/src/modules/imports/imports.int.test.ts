import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { csv, importCounts, sendImport } from "./imports.test-kit.ts";

describe("partner import", () => {
  let h: Harness;
  let owner: Caller;
  let analyst: Caller;
  let auditor: Caller;

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    analyst = await addCaller(h, owner.tenantId, "analyst");
    auditor = await addCaller(h, owner.tenantId, "auditor");
  });
  afterAll(() => h?.close());

  const partner = async (tenantId: string, key: string) =>
    (await h.rawQuery<Record<string, unknown>>("SELECT * FROM partners WHERE tenant_id = $1 AND external_key = $2", [tenantId, key]))[0];

  // A Spanish Excel export: BOM, ";" separators, Spanish headers with accents, quoted ; and newlines, an extra column,
  // country names, type synonyms, and empty rows at the end.
  const messy = Buffer.from(
    `\uFEFF${csv([
      "Clave;Nombre;Razón social;Tipo;País;Dirección;Riesgo;Identificadores;Claves de proveedores;Notas",
      'ACME-1;"Fábrica Acme; Planta ""Norte""";"Acme, S.A. de C.V.";proveedor;México;"Av. Uno 1\nCol. Centro";alto;"rfc:AAA010101AAA; mid:XX123";TRK-2;vip',
      "TRK-2;Transportes Núñez;;transportista;mexico;;;scac:tnuz;;",
      'BRK-3;Agencia Aduanal Peña;;Broker;Estados Unidos;;bajo;;"ACME-1, TRK-2";',
      ";;;;;;;;;",
      "",
    ])}`,
    "utf8",
  );

  it("previews a messy Spanish CSV without saving, then commits it in one audited transaction", async () => {
    const before = await importCounts(h, owner.tenantId);
    const dry = await sendImport(analyst, "partners", messy, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json();
    expect(report).toMatchObject({
      kind: "partners",
      dryRun: true,
      rows: 3,
      create: 3,
      update: 0,
      unchanged: 0,
      errors: [],
      totalErrors: 0,
    });
    // The MID's country prefix is not a country: a warning, reported with its row (the record starting on line 2).
    expect(report.warnings).toEqual([{ row: 2, column: "Identificadores", message: expect.stringContaining("mid XX123") }]);
    expect(report.changes[0]).toEqual({
      row: 2,
      action: "create",
      key: "ACME-1",
      fields: ["name", "type", "country", "legal_name", "address", "risk", "identifiers", "supplier_keys"],
    });
    // Rows are where records start: ACME-1's address spans lines 2–3, so TRK-2 is on line 4.
    expect(report.changes.map((c: { row: number }) => c.row)).toEqual([2, 4, 5]);
    expect(await importCounts(h, owner.tenantId)).toEqual(before);

    const saved = await sendImport(analyst, "partners", messy, { dryRun: false });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ dryRun: false, create: 3 });
    const after = await importCounts(h, owner.tenantId);
    expect(after).toMatchObject({
      partners: Number(before.partners) + 3,
      identifiers: Number(before.identifiers) + 3,
      relations: Number(before.relations) + 3,
      history: Number(before.history) + 3,
      audit: Number(before.audit) + 1,
    });
    expect(await partner(owner.tenantId, "ACME-1")).toMatchObject({
      name: 'Fábrica Acme; Planta "Norte"',
      legal_name: "Acme, S.A. de C.V.",
      type: "manufacturer",
      country_code: "MX",
      address: "Av. Uno 1\nCol. Centro",
      risk_level: "high",
      status: "prospect",
    });
    expect(await partner(owner.tenantId, "TRK-2")).toMatchObject({ type: "highway-carrier", country_code: "MX", risk_level: "medium" });
    expect(await partner(owner.tenantId, "BRK-3")).toMatchObject({ type: "customs-broker", country_code: "US", risk_level: "low" });
    const ids = await h.rawQuery<{ kind: string; value: string }>(
      "SELECT i.kind, i.value FROM partner_identifiers i JOIN partners p ON p.id = i.partner_id WHERE p.tenant_id = $1 ORDER BY 1, 2",
      [owner.tenantId],
    );
    expect(ids).toEqual([
      { kind: "mid", value: "XX123" },
      { kind: "rfc", value: "AAA010101AAA" },
      { kind: "scac", value: "TNUZ" },
    ]);
    const suppliersOfBroker = await h.rawQuery<{ key: string }>(
      `SELECT s.external_key AS key FROM partner_relations r JOIN partners s ON s.id = r.supplier_id JOIN partners c ON c.id = r.customer_id
       WHERE c.tenant_id = $1 AND c.external_key = 'BRK-3' ORDER BY 1`,
      [owner.tenantId],
    );
    expect(suppliersOfBroker.map((r) => r.key)).toEqual(["ACME-1", "TRK-2"]);
    const [event] = await h.rawQuery<{ action: string; actor_id: string; after: Record<string, unknown> }>(
      "SELECT action, actor_id, after FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1",
      [owner.tenantId],
    );
    expect(event).toMatchObject({
      action: "import.partners",
      actor_id: analyst.userId,
      after: { kind: "partners", format: "csv", rows: 3, create: 3, update: 0, unchanged: 0, relationsAdded: 3, identifiersWritten: 3 },
    });

    // The same file again: every row unchanged, nothing written, no audit event.
    const again = await sendImport(analyst, "partners", messy, { dryRun: false });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ create: 0, update: 0, unchanged: 3, changes: [] });
    expect(await importCounts(h, owner.tenantId)).toEqual(after);
  });

  it("updates only what changed and names the changed fields", async () => {
    const file = csv([
      "key,name,type,country,supplier_keys",
      "ACME-1,Acme Norte,manufacturer,MX,",
      "TRK-2,Transportes Núñez,highway-carrier,MX,",
    ]);
    const res = await sendImport(owner, "partners", file, { dryRun: false });
    expect(res.statusCode, res.body).toBe(200);
    // ACME-1: new name, and its supplier list emptied; columns the file lacks (address, risk…) are left alone.
    expect(res.json()).toMatchObject({ create: 0, update: 1, unchanged: 1 });
    expect(res.json().changes).toEqual([{ row: 2, action: "update", key: "ACME-1", fields: ["name", "supplier_keys"] }]);
    expect(await partner(owner.tenantId, "ACME-1")).toMatchObject({
      name: "Acme Norte",
      risk_level: "high",
      address: "Av. Uno 1\nCol. Centro",
    });
    const rel = await h.rawQuery(
      "SELECT 1 FROM partner_relations r JOIN partners c ON c.id = r.customer_id WHERE c.external_key = 'ACME-1'",
    );
    expect(rel).toHaveLength(0);
  });

  it("reports every kind of bad row with its row and column, and saves nothing", async () => {
    const file = csv([
      "key,name,type,country,identifiers,supplier_keys,status,risk",
      "P1,,manufacturer,MX,,,,",
      "P2,Two,spaceship,MX,,,,",
      "P3,Three,manufacturer,Atlantis,,,,",
      "P4,Four,manufacturer,MX,rfc:123,,,",
      "P5,Five,manufacturer,MX,foo:1,,,",
      "P6,Six,manufacturer,MX,,,,",
      "P6,Six again,manufacturer,MX,,,,",
      "P7,Seven,manufacturer,MX,,NOPE,,",
      "P8,Eight,manufacturer,MX,,P8,,",
      "P9,Nine,manufacturer,MX,,P10,,",
      "P10,Ten,manufacturer,MX,,P9,,",
      "P11,Eleven,manufacturer,MX,,,approved,",
      "P12,Twelve,manufacturer,MX,,,,extreme",
      "P13,Thirteen,manufacturer,MX,,,sideways,",
      `"a;b",Fourteen,manufacturer,MX,,,,`,
    ]);
    const before = await importCounts(h, owner.tenantId);
    const res = await sendImport(analyst, "partners", file, { dryRun: false });
    expect(res.statusCode, res.body).toBe(422);
    const { code, details } = res.json().error;
    expect(code).toBe("import_invalid");
    const at = (row: number) =>
      details.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string; message: string }) => [e.column, e.message]);
    expect(at(2)).toEqual([["name", "is empty"]]);
    expect(at(3)).toEqual([["type", expect.stringContaining('"spaceship" is not a partner type')]]);
    expect(at(4)).toEqual([["country", expect.stringContaining('"Atlantis" is not a country name')]]);
    expect(at(5)).toEqual([["identifiers", expect.stringContaining("rfc")]]);
    expect(at(6)).toEqual([["identifiers", '"foo" is not an identifier kind']]);
    expect(at(8)).toEqual([["key", 'duplicate key "P6" (first on row 7)']]);
    expect(at(9)).toEqual([["supplier_keys", '"NOPE" is not a partner key of this file or of your registry']]);
    expect(at(10)).toEqual([["supplier_keys", "a partner cannot be its own supplier"]]);
    expect(at(11)).toEqual([["supplier_keys", 'the supplier chain closes a cycle: "P9" ← "P10" ← "P9"']]);
    expect(at(13)).toEqual([["status", "only an owner, admin or security manager may set a partner to approved"]]);
    expect(at(14)).toEqual([["risk", expect.stringContaining('"extreme" is not a risk level')]]);
    expect(at(15)).toEqual([["status", expect.stringContaining('"sideways" is not a partner status')]]);
    expect(at(16)).toEqual([["key", "must not contain ; or line breaks"]]);
    expect(details).toMatchObject({ kind: "partners", dryRun: false, totalErrors: 13, total: 13, truncated: false });
    expect(await importCounts(h, owner.tenantId)).toEqual(before);
  });

  it("refuses a file without a required column, naming the header row", async () => {
    const res = await sendImport(owner, "partners", csv(["key,name,country", "X1,Ex,MX"]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.errors).toEqual([{ row: 1, column: "type", message: 'missing column "type"' }]);
  });

  it("is all-or-nothing: row 900 of 1,000 fails validation, or fails in the database, and nothing is saved", async () => {
    const lines = ["key,name,type,country"];
    for (let i = 1; i <= 1000; i++) lines.push(`BULK-${i},Bulk partner ${i},manufacturer,${i === 900 ? "Narnia" : "MX"}`);
    const before = await importCounts(h, owner.tenantId);
    const bad = await sendImport(owner, "partners", csv(lines), { dryRun: false });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details).toMatchObject({ totalErrors: 1, errors: [{ row: 901, column: "country" }], create: 999 });
    expect(await importCounts(h, owner.tenantId)).toEqual(before);

    // Valid file, but the database refuses the status history of row 900 (after the partners were inserted).
    lines[900] = "BULK-900,Bulk partner 900,manufacturer,MX";
    await h.rawQuery(`CREATE FUNCTION refuse_bulk_900() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF (SELECT name FROM partners WHERE id = NEW.partner_id) = 'Bulk partner 900' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await h.rawQuery(
      "CREATE TRIGGER refuse_bulk_900 BEFORE INSERT ON partner_status_history FOR EACH ROW EXECUTE FUNCTION refuse_bulk_900()",
    );
    try {
      const failed = await sendImport(owner, "partners", csv(lines), { dryRun: false });
      expect(failed.statusCode).toBe(500);
      expect(await importCounts(h, owner.tenantId)).toEqual(before);
    } finally {
      await h.rawQuery("DROP TRIGGER refuse_bulk_900 ON partner_status_history; DROP FUNCTION refuse_bulk_900()");
    }
    const good = await sendImport(owner, "partners", csv(lines), { dryRun: false });
    expect(good.json()).toMatchObject({ create: 1000 });
    expect(await importCounts(h, owner.tenantId)).toMatchObject({
      partners: Number(before.partners) + 1000,
      audit: Number(before.audit) + 1,
    });
  });

  it("lists at most 1,000 problems and counts them all", async () => {
    const lines = ["key,name,type,country"];
    for (let i = 1; i <= 1500; i++) lines.push(`E-${i},Bad ${i},manufacturer,XX`);
    const res = await sendImport(owner, "partners", csv(lines));
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details;
    expect(details).toMatchObject({ totalErrors: 1500, total: 1500, truncated: true });
    expect(details.errors).toHaveLength(1000);
    expect(details.errors[999]).toMatchObject({ row: 1001, column: "country" });
  });

  it("reads Windows-1252 text and XLSX workbooks with a title row above the header", async () => {
    const latin = Buffer.from(csv(["key,name,type,country", "W-1,Peñoles Café,fabricante,Perú"]), "latin1");
    const res = await sendImport(owner, "partners", latin, { dryRun: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(await partner(owner.tenantId, "W-1")).toMatchObject({ name: "Peñoles Café", type: "manufacturer", country_code: "PE" });

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Socios");
    sheet.addRow(["Socios comerciales 2026"]);
    sheet.addRow(["CLAVE", " Nombre ", "TIPO", "PAÍS", "Riesgo"]);
    sheet.addRow(["X-1", "Logística Ñandú", "3PL", "Brasil", "media"]);
    sheet.addRow(["X-2", "Sin país", "otro", "", ""]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const bad = await sendImport(owner, "partners", xlsx, { filename: "socios.xlsx", contentType: type });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors).toEqual([{ row: 4, column: "PAÍS", message: "is empty" }]);
    sheet.spliceRows(4, 1);
    const good = await sendImport(owner, "partners", Buffer.from(await book.xlsx.writeBuffer()), {
      filename: "socios.xlsx",
      contentType: type,
      dryRun: false,
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(await partner(owner.tenantId, "X-1")).toMatchObject({
      name: "Logística Ñandú",
      type: "3pl",
      country_code: "BR",
      risk_level: "medium",
    });
  });

  it("follows the partner lifecycle and approver rules for statuses", async () => {
    const created = await sendImport(owner, "partners", csv(["key,name,type,country,status", "S-1,Stat,manufacturer,MX,approved"]), {
      dryRun: false,
    });
    expect(created.statusCode, created.body).toBe(200);
    const history = await h.rawQuery(
      "SELECT from_status, to_status, actor_id FROM partner_status_history h JOIN partners p ON p.id = h.partner_id WHERE p.external_key = 'S-1'",
    );
    expect(history).toEqual([{ from_status: null, to_status: "approved", actor_id: owner.userId }]);
    const back = await sendImport(owner, "partners", csv(["key,name,type,country,status", "S-1,Stat,manufacturer,MX,prospect"]));
    expect(back.json().error.details.errors).toEqual([
      { row: 2, column: "status", message: "a partner cannot move from approved to prospect" },
    ]);
    const ok = await sendImport(analyst, "partners", csv(["key,name,type,country,status", "S-1,Stat,manufacturer,MX,en evaluación"]), {
      dryRun: false,
    });
    expect(ok.json().changes).toEqual([{ row: 2, action: "update", key: "S-1", fields: ["status"] }]);
  });

  it("checks the form: kind, file, format, size and role", async () => {
    expect((await sendImport(owner, "vendors", csv(["key"]))).json().error.code).toBe("validation_failed");
    expect((await sendImport(owner, "partners", "a: 1\n", { filename: "x.yaml", contentType: "application/yaml" })).statusCode).toBe(415);
    expect((await sendImport(owner, "partners", "")).statusCode).toBe(400);
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
    expect((await sendImport(owner, "partners", big)).statusCode).toBe(413);
    expect((await sendImport(auditor, "partners", messy)).statusCode).toBe(403);
  });

  it("never sees nor updates another company's keys", async () => {
    const other = await createTenantFixture(h);
    const theirs = await sendImport(
      other,
      "partners",
      csv(["key,name,type,country", "SHARED-1,Theirs,manufacturer,US", "B-ONLY,Only theirs,manufacturer,US"]),
      { dryRun: false },
    );
    expect(theirs.statusCode, theirs.body).toBe(200);
    const theirId = (await partner(other.tenantId, "B-ONLY"))?.id as string;
    const before = await importCounts(h, other.tenantId);

    const mine = await sendImport(owner, "partners", csv(["key,name,type,country", "SHARED-1,Mine,manufacturer,MX"]), { dryRun: false });
    expect(mine.json()).toMatchObject({ create: 1, update: 0 });
    expect(await partner(other.tenantId, "SHARED-1")).toMatchObject({ name: "Theirs", country_code: "US" });
    // Their key as my supplier, or their partner's id as my key: unknown here.
    const ref = await sendImport(owner, "partners", csv(["key,name,type,country,supplier_keys", `M-9,Mine 9,manufacturer,MX,B-ONLY`]));
    expect(ref.json().error.details.errors).toEqual([
      { row: 2, column: "supplier_keys", message: '"B-ONLY" is not a partner key of this file or of your registry' },
    ]);
    const byId = await sendImport(owner, "partners", csv(["key,name,type,country", `${theirId},Hijack,manufacturer,MX`]), {
      dryRun: false,
    });
    expect(byId.json()).toMatchObject({ create: 1, update: 0 });
    expect(await importCounts(h, other.tenantId)).toEqual(before);
    expect((await h.rawQuery("SELECT name FROM partners WHERE id = $1", [theirId]))[0]).toEqual({ name: "Only theirs" });
  });
});
