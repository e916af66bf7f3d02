import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createSiteFixture, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { csv, exportOf, importCounts, sendImport } from "./imports.test-kit.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe("partner-site and lane import, and export → import", () => {
  let h: Harness;
  let owner: Caller;
  let auditor: Caller;
  let plantId: string;

  const errorsOf = (res: { json(): { error: { details: { errors: unknown[] } } } }) => res.json().error.details.errors;

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    auditor = await addCaller(h, owner.tenantId, "auditor");
    plantId = await createSiteFixture(owner, { name: "Planta Monterrey" });
    const partners = csv(["key,name,type,country", "SUP,Proveedor Uno,manufacturer,MX", "TRK,Fletes Rápidos,highway-carrier,MX"]);
    expect((await sendImport(owner, "partners", partners, { dryRun: false })).statusCode).toBe(200);
  });
  afterAll(() => h?.close());

  it("imports partner sites (decimal commas, Spanish kinds), reports bad rows, and re-imports as unchanged", async () => {
    const bad = csv([
      "clave;clave del socio;nombre;tipo;país;latitud;longitud",
      "S9;NOBODY;Nada;bodega;MX;;",
      "S8;SUP;Media coordenada;bodega;MX;25,1;",
      "S7;SUP;Lejos;bodega;MX;95;10",
      "S6;SUP;Rara;castillo;MX;;",
    ]);
    const before = await importCounts(h, owner.tenantId);
    const res = await sendImport(owner, "sites", bad, { dryRun: false });
    expect(res.statusCode).toBe(422);
    expect(errorsOf(res)).toEqual([
      { row: 2, column: "clave del socio", message: '"NOBODY" is not a partner key of your registry (import the partners first)' },
      { row: 3, column: "longitud", message: "latitude and longitude go together: give both or neither" },
      { row: 4, column: "latitud", message: '"95" is not a number from -90 to 90' },
      { row: 5, column: "tipo", message: expect.stringContaining('"castillo" is not a site kind') },
    ]);
    expect(await importCounts(h, owner.tenantId)).toEqual(before);

    const good = csv(["clave;clave del socio;nombre;tipo;país;latitud;longitud", "S1;SUP;Planta Apodaca;fábrica;México;25,7817;-100,1886"]);
    const saved = await sendImport(owner, "sites", good, { dryRun: false });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ create: 1 });
    const [site] = await h.rawQuery("SELECT name, kind, country_code, latitude, longitude FROM partner_sites WHERE external_key = 'S1'");
    expect(site).toEqual({ name: "Planta Apodaca", kind: "factory", country_code: "MX", latitude: 25.7817, longitude: -100.1886 });
    const again = await sendImport(owner, "sites", good, { dryRun: false });
    expect(again.json()).toMatchObject({ create: 0, update: 0, unchanged: 1 });
  });

  const laneHeader = "key,name,leg,from,to,mode,carrier_key";

  it("imports lanes one row per leg over partner sites, own sites and packaged ports", async () => {
    const file = csv([
      laneHeader,
      "L1,Apodaca a Los Ángeles,1,partner-site:S1,site:planta monterrey,road,TRK",
      "L1,,2,site:Planta Monterrey,port:MXZLO,camión,TRK",
      "L1,Apodaca a Los Ángeles,3,port:mxzlo,port:USLAX,marítimo,",
      `L2,Directo,1,site:${plantId},port:USLAX,road,`,
    ]);
    const dry = await sendImport(owner, "lanes", file);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ rows: 4, create: 2, unchanged: 0 });
    const saved = await sendImport(owner, "lanes", file, { dryRun: false });
    expect(saved.statusCode, saved.body).toBe(200);
    const legs = await h.rawQuery<{ seq: number; from_node: string; to_node: string; mode: string; carrier: string | null }>(
      `SELECT g.seq, g.from_node, g.to_node, g.mode, p.external_key AS carrier FROM lane_legs g JOIN lanes l ON l.id = g.lane_id
       LEFT JOIN partners p ON p.id = g.carrier_partner_id WHERE l.external_key = 'L1' ORDER BY g.seq`,
    );
    const [s1] = await h.rawQuery<{ id: string }>("SELECT id FROM partner_sites WHERE external_key = 'S1'");
    expect(legs).toEqual([
      { seq: 1, from_node: `partner-site:${s1?.id}`, to_node: `site:${plantId}`, mode: "road", carrier: "TRK" },
      { seq: 2, from_node: `site:${plantId}`, to_node: "port:MXZLO", mode: "road", carrier: "TRK" },
      { seq: 3, from_node: "port:MXZLO", to_node: "port:USLAX", mode: "sea", carrier: null },
    ]);
    expect((await sendImport(owner, "lanes", file, { dryRun: false })).json()).toMatchObject({ create: 0, update: 0, unchanged: 2 });

    const changed = csv([laneHeader, `L2,Directo,1,site:${plantId},port:USLAX,rail,`]);
    expect((await sendImport(owner, "lanes", changed)).json().changes).toEqual([{ row: 2, action: "update", key: "L2", fields: ["legs"] }]);
  });

  it("reports gaps, numbering, split lanes, cycles and unknown nodes with their row and column", async () => {
    const file = csv([
      laneHeader,
      "G1,Gap,1,port:MXZLO,port:USLAX,sea,",
      "G1,,2,port:USLGB,port:USOAK,road,",
      "N1,Numbers,2,port:MXZLO,port:USLAX,sea,",
      "C1,Cycle,1,port:MXZLO,port:USLAX,sea,",
      "C1,,2,port:USLAX,port:MXZLO,sea,",
      "U1,Unknown,1,port:ZZZZZ,site:Nowhere,air,GHOST",
      "U1,,2,site:Nowhere,harbour:1,teleport,",
      "G1,Again,3,port:USOAK,port:USSEA,road,",
      ",No name,1,port:MXZLO,port:USLAX,sea,",
      "E1,,1,port:MXZLO,port:MXZLO,sea,",
    ]);
    const before = await importCounts(h, owner.tenantId);
    const res = await sendImport(owner, "lanes", file, { dryRun: false });
    expect(res.statusCode).toBe(422);
    expect(errorsOf(res)).toEqual([
      { row: 3, column: "from", message: "should be where leg 1 ends (port:USLAX)" },
      { row: 4, column: "leg", message: "should be 1: legs are numbered 1, 2, 3… on consecutive rows" },
      { row: 6, column: "to", message: "the lane passes port:MXZLO twice (a cycle)" },
      { row: 8, column: "mode", message: expect.stringContaining('"teleport" is not a transport mode') },
      { row: 9, column: "key", message: 'the legs of lane "G1" must be on consecutive rows (its first leg is on row 2)' },
      { row: 10, column: "key", message: "is empty" },
      { row: 11, column: "name", message: "is empty (the first row of a lane names it)" },
      { row: 11, column: "to", message: "a leg cannot end where it starts" },
    ]);
    expect(await importCounts(h, owner.tenantId)).toEqual(before);
    // U1's first row: every node problem of a leg is reported, with the carrier's.
    const unknown = csv([laneHeader, "U1,Unknown,1,port:ZZZZZ,site:Nowhere,air,GHOST"]);
    expect(errorsOf(await sendImport(owner, "lanes", unknown))).toEqual([
      { row: 2, column: "from", message: '"ZZZZZ" is not a location code of the packaged list' },
      { row: 2, column: "to", message: '"Nowhere" is not one of your sites' },
      { row: 2, column: "carrier_key", message: '"GHOST" is not a partner key of your registry' },
    ]);
  });

  it("exports every kind as CSV and XLSX, and importing the export changes nothing", async () => {
    for (const kind of ["partners", "sites", "lanes"]) {
      for (const format of ["csv", "xlsx"] as const) {
        const { res, body } = await exportOf(auditor, kind, format);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers["content-disposition"]).toMatch(new RegExp(`attachment; filename="${kind}-\\d{4}-\\d{2}-\\d{2}\\.${format}"`));
        const back = await sendImport(owner, kind, body, {
          filename: `${kind}.${format}`,
          contentType: format === "csv" ? "text/csv" : XLSX,
        });
        expect(back.statusCode, back.body).toBe(200);
        const report = back.json();
        expect({ kind, format, create: report.create, update: report.update }).toEqual({ kind, format, create: 0, update: 0 });
        expect(report.unchanged).toBeGreaterThan(0);
      }
    }
    const text = (await exportOf(auditor, "lanes")).body.toString("utf8");
    expect(text.startsWith("\uFEFFkey,name,leg,from,to,mode,carrier_key\r\n")).toBe(true);
    expect(text).toContain("L1,Apodaca a Los Ángeles,1,partner-site:S1,site:Planta Monterrey,road,TRK\r\n");
  });

  it("guards spreadsheet formulas in CSV and still round-trips them", async () => {
    const file = csv(["key,name,type,country", '=HYPERLINK("x"),=1+1,manufacturer,MX', "'=kept,@SUM(A1),manufacturer,MX"]);
    expect((await sendImport(owner, "partners", file, { dryRun: false })).statusCode).toBe(200);
    // The import drops one leading ' (the export's guard): "'=kept" is stored as "=kept".
    const names = await h.rawQuery<{ external_key: string; name: string }>(
      "SELECT external_key, name FROM partners WHERE tenant_id = $1 AND name IN ('=1+1', '@SUM(A1)') ORDER BY name",
      [owner.tenantId],
    );
    expect(names).toEqual([
      { external_key: '=HYPERLINK("x")', name: "=1+1" },
      { external_key: "=kept", name: "@SUM(A1)" },
    ]);
    const text = (await exportOf(auditor, "partners")).body.toString("utf8");
    expect(text).toContain(`"'=HYPERLINK(""x"")",'=1+1,`);
    expect(text).not.toMatch(/(^|,)=1\+1/m);
    const back = await sendImport(owner, "partners", text);
    expect(back.json()).toMatchObject({ create: 0, update: 0 });
  });

  it("lets internal roles export and refuses a bad query", async () => {
    expect((await auditor.request("GET", "/api/imports/export")).statusCode).toBe(200);
    expect((await auditor.request("GET", "/api/imports/export?kind=people")).statusCode).toBe(400);
    expect((await auditor.request("GET", "/api/imports/export?format=pdf")).statusCode).toBe(400);
  });
});
