import { describe, expect, it } from "vitest";
import { contentDisposition, slug } from "./exports.labels.ts";
import { pdfText } from "./exports.pdf.ts";
import { spreadsheetSafe, toCsv } from "./exports.tabular.ts";

describe("export helpers", () => {
  it("keeps Spanish for the PDF standard fonts and spells out or replaces what WinAnsi lacks", () => {
    expect(pdfText("Inspección ¿sí? ñ € “ok”")).toBe("Inspección ¿sí? ñ € “ok”");
    expect(pdfText("≥ 3 → ő\tx 中\r\n")).toBe(">= 3 -> o x ?\n");
  });

  it("makes ASCII file names and an exact UTF-8 one", () => {
    expect(slug("Exportadora Núñez, S.A. de C.V.")).toBe("exportadora-nunez-s-a-de-c-v");
    expect(slug("中文")).toBe("company");
    expect(contentDisposition("perfil-núñez.pdf")).toBe(
      `attachment; filename="perfil-nunez.pdf"; filename*=UTF-8''perfil-n%C3%BA%C3%B1ez.pdf`,
    );
  });

  it("writes CSV with a BOM, quotes and CRLF, and defuses formula-like cells", () => {
    expect(spreadsheetSafe("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(spreadsheetSafe("6.1")).toBe("6.1");
    const csv = toCsv(
      [
        { key: "a", header: "ID", width: 1 },
        { key: "b", header: "Texto", width: 1 },
      ],
      [{ a: "6.1", b: 'dice "sí", luego\notra' }, { a: "-1+2" }],
    ).toString("utf8");
    expect(csv).toBe('\uFEFFID,Texto\r\n6.1,"dice ""sí"", luego\notra"\r\n\'-1+2,\r\n');
  });
});
