import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isCountryCode } from "../countries.ts";
import { getLocation, LOCATION_ALIASES, LOCATION_KINDS, LOCATIONS, parseCsv, parseLocationsCsv, searchLocations } from "./locations.ts";

const csvText = readFileSync(new URL("./locations.csv", import.meta.url), "utf8");

describe("packaged locations", () => {
  it("loads every data row of the CSV", () => {
    const dataLines = csvText.split(/\r?\n/).filter((l) => l.trim() !== "").length - 1;
    // Quoted notes never span lines in this file, so lines and records agree.
    expect(LOCATIONS.length).toBe(dataLines);
    expect(LOCATIONS.length).toBe(202);
  });

  it("has unique codes", () => {
    const codes = LOCATIONS.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("has coordinates in range, both or neither", () => {
    for (const l of LOCATIONS) {
      expect(l.latitude === null, l.code).toBe(l.longitude === null);
      if (l.latitude !== null && l.longitude !== null) {
        expect(Math.abs(l.latitude), l.code).toBeLessThanOrEqual(90);
        expect(Math.abs(l.longitude), l.code).toBeLessThanOrEqual(180);
      }
    }
    // The one documented gap (README: no position for Nogales, Sonora).
    expect(LOCATIONS.filter((l) => l.latitude === null).map((l) => l.code)).toEqual(["MXNOG"]);
  });

  it("uses only known kinds and assigned country codes", () => {
    for (const l of LOCATIONS) {
      expect(LOCATION_KINDS, l.code).toContain(l.kind);
      expect(isCountryCode(l.countryCode), l.code).toBe(true);
    }
    const counts = Object.fromEntries(LOCATION_KINDS.map((k) => [k, LOCATIONS.filter((l) => l.kind === k).length]));
    expect(counts).toEqual({ seaport: 113, airport: 20, "border-crossing": 39, inland: 30 });
  });

  it("gives every row at least one source URL", () => {
    for (const l of LOCATIONS) {
      expect(l.sources.length, l.code).toBeGreaterThan(0);
      for (const s of l.sources) expect(s, l.code).toMatch(/^https?:\/\/\S+/);
    }
  });

  it("reads quoted fields with commas (border crossings) and keeps notes", () => {
    const elPaso = getLocation("US-POE-2402");
    expect(elPaso).toMatchObject({
      name: "El Paso, TX / Ciudad Juarez, CHH (port of El Paso)",
      kind: "border-crossing",
      cbpPortCode: "2402",
    });
    expect(getLocation("uslax")?.name).toBe("Los Angeles");
    expect(getLocation("USNOL")).toBeUndefined();
  });

  it("resolves the documented alternative port codes to the file's key", () => {
    for (const [alias, code] of Object.entries(LOCATION_ALIASES)) {
      expect(getLocation(alias)?.code).toBe(code);
      expect(getLocation(code), code).toBeDefined();
    }
  });

  it("searches by words, accents folded, by kind, exact code first", () => {
    expect(searchLocations({ q: "USLAX" }).map((l) => l.code)).toEqual(["USLAX", "USLAX-APT"]);
    expect(searchLocations({ q: "los angeles", kind: "airport" }).map((l) => l.code)).toEqual(["USLAX-APT"]);
    expect(searchLocations({ q: "Querétaro" }).map((l) => l.code)).toEqual(["MXQRO"]);
    // Both El Paso ports name Ciudad Juárez; by name: "El Paso, TX …" before "Ysleta (El Paso) …".
    expect(searchLocations({ q: "juárez", kind: "border-crossing" }).map((l) => l.code)).toEqual(["US-POE-2402", "US-POE-2401"]);
    expect(searchLocations({ q: "CNSHG" }).map((l) => l.code)).toEqual(["CNSHA"]);
    expect(searchLocations({ kind: "airport" })).toHaveLength(20);
    expect(searchLocations({ q: "no such place" })).toEqual([]);
  });

  it("rejects a malformed file naming the line", () => {
    const header = csvText.split(/\r?\n/)[0];
    expect(() => parseLocationsCsv(`${header}\nXX1,Bad,ZZ,seaport,1,2,,https://example.test,\n`)).toThrow(/line 2/);
    expect(() => parseLocationsCsv(`${header}\nMXAAA,Bad,MX,castle,1,2,,https://example.test,\n`)).toThrow(/line 2/);
    expect(() => parseLocationsCsv(`${header}\nMXAAA,Bad,MX,inland,91,2,,https://example.test,\n`)).toThrow(/line 2/);
    expect(() => parseLocationsCsv(`${header}\nMXAAA,Bad,MX,inland,1,2,,not a url,\n`)).toThrow(/line 2/);
    expect(() => parseLocationsCsv(`${header}\nMXAAA,A,MX,inland,1,,,https://example.test,\n`)).toThrow(/half a position/);
    expect(() => parseLocationsCsv(`${header}\nMXAAA,A,MX,inland,,,,https://a.test,\nMXAAA,B,MX,inland,,,,https://a.test,\n`)).toThrow(
      /duplicate/,
    );
  });

  it("parses RFC 4180 quoting", () => {
    expect(parseCsv('a,"b, c","d ""e"""\r\n"x\ny",,z')).toEqual([
      ["a", "b, c", 'd "e"'],
      ["x\ny", "", "z"],
    ]);
    expect(() => parseCsv('a,"open')).toThrow(/quoted/);
  });
});
