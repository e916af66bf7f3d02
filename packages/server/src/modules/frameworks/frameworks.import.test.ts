import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { decodeText, detectFormat, MAX_CONTROLS, parseFrameworkFile, parseRelation, splitMscList } from "./frameworks.import.ts";
import { declaredUnzippedSize, sniffDelimiter } from "./frameworks.import-readers.ts";

const csv = (text: string, filename = "controls.csv") => parseFrameworkFile({ data: Buffer.from(text, "utf8"), filename });

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Controles");
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet("Ignored").addRow(["ref", "title"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("framework import: CSV", () => {
  it("reads a BOM, quoted commas and newlines, accents, and maps msc lists with relations", async () => {
    const text =
      "\uFEFFref,title,description,msc\n" +
      'IC-1,"Sellos, inventario","Línea uno\nLínea dos",6.1=equal; 6.2=related\n' +
      'IC-2,Acceso físico,,"10.1=superset, 4.10"\n';
    const { framework, errors } = await csv(text);
    expect(errors).toEqual([]);
    expect(framework.format).toBe("csv");
    expect(framework.controls).toEqual([
      {
        row: 2,
        ref: "IC-1",
        title: "Sellos, inventario",
        description: "Línea uno\nLínea dos",
        mappings: [
          { criterionId: "6.1", relation: "equal" },
          { criterionId: "6.2", relation: "related" },
        ],
      },
      {
        row: 4,
        ref: "IC-2",
        title: "Acceso físico",
        description: null,
        mappings: [
          { criterionId: "10.1", relation: "superset" },
          { criterionId: "4.10", relation: "related" },
        ],
      },
    ]);
  });

  it("accepts ; delimiters and Spanish, accented, any-case headers; extra columns are ignored", async () => {
    const text = 'Referencia;TÍTULO;Descripción;Dueño;MSC\nA.1;Política;"uno; dos";Ana;"6.1=igual; 6.3=subconjunto"\n';
    const { framework, errors } = await csv(text);
    expect(errors).toEqual([]);
    expect(framework.controls[0]).toMatchObject({
      ref: "A.1",
      title: "Política",
      description: "uno; dos",
      mappings: [
        { criterionId: "6.1", relation: "equal" },
        { criterionId: "6.3", relation: "subset" },
      ],
    });
  });

  it("collects every problem with its line and column: duplicates, unknown IDs, bad relations, empty titles", async () => {
    const text = [
      "ref,title,msc",
      "C1,First,6.1=equal",
      'C2,"",6.99',
      "C1,Again,6.1=sometimes",
      "C3,Fine,6.2=equal;6.2=subset",
      "C4,Ok,foo",
      "",
      "c1,Case only,",
    ].join("\r\n");
    const { framework, errors, totalErrors } = await csv(text);
    expect(errors).toEqual([
      { row: 3, column: "title", message: "title is empty" },
      { row: 3, column: "msc", message: '"6.99" is not an MSC criterion ID' },
      { row: 4, column: "msc", message: 'relation "sometimes" for 6.1 is not one of equal, subset, superset, related' },
      { row: 4, column: "ref", message: 'duplicate ref "C1" (first on row 2)' },
      { row: 5, column: "msc", message: "6.2 is mapped twice" },
      { row: 6, column: "msc", message: '"foo" is not an MSC criterion ID' },
      { row: 8, column: "ref", message: 'duplicate ref "c1" (first on row 2)' },
    ]);
    expect(totalErrors).toBe(7);
    expect(framework.controls.map((c) => c.ref)).toEqual(["C1"]);
  });

  it("reports missing columns on the header row and stops there", async () => {
    const { errors } = await csv("code;nombre del control\nA;B\n");
    expect(errors).toEqual([{ row: 1, column: "title", message: 'missing column "title" (title or título)' }]);
  });

  it(`caps a file at ${MAX_CONTROLS} controls and says which row is one too many`, async () => {
    const rows = Array.from({ length: MAX_CONTROLS + 1 }, (_, i) => `R${i},Control ${i},6.1`);
    const { errors } = await csv(`ref,title,msc\n${rows.join("\n")}\n`);
    expect(errors).toEqual([{ row: MAX_CONTROLS + 2, column: "", message: "too many controls: at most 5,000 per file" }]);
  });

  it("refuses an unreadable CSV (quote never closed) with 400, and an empty file", async () => {
    const err = await rejection(csv('ref,title\nA,"never closed\n'));
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/CSV file could not be read.*quote/i);
    expect((await rejection(csv(""))).status).toBe(400);
    expect((await rejection(csv("   \n\n"))).status).toBe(400);
  });

  it("decodes Windows-1252 (Spanish Excel) and UTF-16 text with a BOM", async () => {
    const latin = Buffer.from("ref;title\nA;Inspección de sellos\n", "latin1");
    expect((await parseFrameworkFile({ data: latin, filename: "x.csv" })).framework.controls[0]?.title).toBe("Inspección de sellos");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ref\ttitle\nB\tCapacitación\n", "utf16le")]);
    expect((await parseFrameworkFile({ data: utf16, filename: "x.txt" })).framework.controls[0]?.title).toBe("Capacitación");
    expect(decodeText(Buffer.from("\uFEFFabc"))).toBe("abc");
  });
});

describe("framework import: XLSX", () => {
  it("reads the first sheet with Excel row numbers; errors name the header text", async () => {
    const data = await xlsx([
      ["Referencia", "Título", "Descripción", "MSC"],
      ["X-1", "Control de sellos", "Texto", "6.1=equal; 12.10"],
      [],
      ["X-2", "", null, "6.1=maybe"],
    ]);
    const { framework, errors } = await parseFrameworkFile({ data, filename: "marco.xlsx" });
    expect(framework.controls).toHaveLength(1);
    expect(framework.controls[0]?.mappings).toEqual([
      { criterionId: "6.1", relation: "equal" },
      { criterionId: "12.10", relation: "related" },
    ]);
    expect(errors).toEqual([
      { row: 4, column: "Título", message: "title is empty" },
      { row: 4, column: "MSC", message: 'relation "maybe" for 6.1 is not one of equal, subset, superset, related' },
    ]);
  });

  it("finds the header below a title row", async () => {
    const data = await xlsx([["Controles internos 2026"], [], ["Ref", "Título"], ["T-1", "Uno"]]);
    const { framework, errors } = await parseFrameworkFile({ data, filename: "t.xlsx" });
    expect(errors).toEqual([]);
    expect(framework.controls).toEqual([{ row: 4, ref: "T-1", title: "Uno", description: null, mappings: [] }]);
  });

  it("refuses a damaged workbook (400) and a workbook that declares a huge unpacked size", async () => {
    const data = await xlsx([["ref", "title"]]);
    expect(declaredUnzippedSize(data)).toBeGreaterThan(0);
    expect(declaredUnzippedSize(data)).toBeLessThan(1_000_000);
    expect((await rejection(parseFrameworkFile({ data: data.subarray(0, 200), filename: "a.xlsx" }))).status).toBe(400);
    const bomb = Buffer.from(data);
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0xfffffff0, cd + 24);
    expect((await rejection(parseFrameworkFile({ data: bomb, filename: "a.xlsx" }))).message).toMatch(/100 MB/);
  });
});

describe("framework import: YAML", () => {
  const yaml = (text: string) => parseFrameworkFile({ data: Buffer.from(text), filename: "f.yaml" });

  it("reads name, version, controls and mappings, keeping IDs like 4.10 as text", async () => {
    const { framework, errors } = await yaml(
      [
        "name: Controles internos",
        "version: 2026",
        "description: Ejemplo",
        "controls:",
        "  - ref: 1.10",
        "    title: Revisión anual",
        "    mappings:",
        "      - criterion: 4.10",
        "        relation: superset",
        "      - { criterion: 6.1 }",
        '      - "6.2=equal"',
      ].join("\n"),
    );
    expect(errors).toEqual([]);
    expect(framework).toMatchObject({ format: "yaml", name: "Controles internos", version: "2026", description: "Ejemplo" });
    expect(framework.controls).toEqual([
      {
        row: 5,
        ref: "1.10",
        title: "Revisión anual",
        description: null,
        mappings: [
          { criterionId: "4.10", relation: "superset" },
          { criterionId: "6.1", relation: "related" },
          { criterionId: "6.2", relation: "equal" },
        ],
      },
    ]);
  });

  it("reports problems on the lines where they are", async () => {
    const { errors } = await yaml(
      [
        "name: X",
        "controls:",
        "  - ref: A",
        "    title: [not, text]",
        "  - ref: A",
        "    title: Two",
        "    mappings:",
        "      - criterion: 99.1",
        "        relation: equal",
        "      - criterion: 6.1",
        "        relation: kind-of",
        "  - just a string",
      ].join("\n"),
    );
    expect(errors).toEqual([
      { row: 4, column: "title", message: "title must be text" },
      { row: 5, column: "ref", message: 'duplicate ref "A" (first on row 3)' },
      { row: 8, column: "criterion", message: '"99.1" is not an MSC criterion ID' },
      { row: 11, column: "relation", message: 'relation "kind-of" for 6.1 is not one of equal, subset, superset, related' },
      { row: 12, column: "controls", message: "each control must be a mapping with ref and title" },
    ]);
  });

  it("refuses YAML that does not parse, or is not a mapping, with 400", async () => {
    const broken = await rejection(yaml("name: [unclosed\ncontrols: 1\n"));
    expect(broken.status).toBe(400);
    expect(broken.message).toMatch(/YAML file could not be read \(line \d+\)/);
    expect((await rejection(yaml("- a\n- b\n"))).status).toBe(400);
    expect((await rejection(yaml("a: 1\na: 2\n"))).status).toBe(400);
  });

  it("reports a missing controls list", async () => {
    expect((await yaml("name: X\n")).errors).toEqual([
      { row: 1, column: "controls", message: "controls must be a list of { ref, title, description, mappings }" },
    ]);
  });
});

describe("framework import: format and small parts", () => {
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  it("detects the format from the name, checked against the content", () => {
    expect(detectFormat("a.CSV", "", Buffer.from("a,b"))).toBe("csv");
    expect(detectFormat("a.yml", "", Buffer.from("a: b"))).toBe("yaml");
    expect(detectFormat("upload", "text/yaml", Buffer.from("a: b"))).toBe("yaml");
    expect(detectFormat("upload", "", zip)).toBe("xlsx");
    for (const [name, data] of [
      ["a.csv", zip],
      ["a.xlsx", Buffer.from("ref,title")],
      ["a.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0])],
      ["a.csv", Buffer.from("%PDF-1.4")],
      ["a.docx", Buffer.from("text")],
    ] as const) {
      expect(() => detectFormat(name, "", data), name).toThrow(AppError);
      try {
        detectFormat(name, "", data);
      } catch (e) {
        expect((e as AppError).status).toBe(415);
      }
    }
    expect(() => decodeText(Buffer.from([0x61, 0, 0x62]))).toThrow(/binary/);
  });

  it("parses relations and msc lists", () => {
    expect(["equal", "Igual", "SUPERSET", "relacionado", ""].map(parseRelation)).toEqual([
      "equal",
      "equal",
      "superset",
      "related",
      "related",
    ]);
    expect(parseRelation("bigger")).toBeUndefined();
    const cell = { value: " 6.1 = equal ;6.2| 7.1:subset\n", row: 3, column: "msc" };
    expect(splitMscList(cell).map((m) => [m.criterion.value, m.relation.value])).toEqual([
      ["6.1", "equal"],
      ["6.2", ""],
      ["7.1", "subset"],
    ]);
    expect(sniffDelimiter('"a;b",c,d\n1;2;3;4;5')).toBe(",");
    expect(sniffDelimiter("a;b;c")).toBe(";");
    expect(sniffDelimiter("single")).toBe(",");
  });
});
