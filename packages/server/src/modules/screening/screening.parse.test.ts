import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { type ListSource, parseListFile } from "./screening.parse.ts";
import { countryCodeOf } from "./screening.parse-model.ts";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));
const parse = (source: ListSource, data: Buffer | string) => parseListFile({ source, data: Buffer.from(data) });

function refusal(fn: () => unknown): AppError {
  let caught: unknown = null;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(AppError);
  return caught as AppError;
}

describe("Consolidated Screening List CSV", () => {
  it("maps columns by name, splits aliases, addresses and programs, and derives countries from addresses", () => {
    const { format, entries } = parse("csl", fixture("csl-sample.csv"));
    expect(format).toBe("csv");
    expect(entries).toHaveLength(5);
    expect(entries[0]).toEqual({
      externalId: "fx-0001",
      name: "ACME TRADING SA DE CV",
      altNames: ["ACME COMERCIAL", "ACME TRADE HOUSE"],
      addresses: ["Av. Ficticia 123, Ciudad Imaginaria, Jalisco, 44100, MX"],
      countryCodes: ["MX"],
      programs: ["EAR"],
      remarks: "Entity List (EL) - Bureau of Industry and Security. FICTITIOUS TEST ENTRY. Federal Register: 99 FR 00001",
    });
    // entity_number wins over _id; two addresses in one cell; the same country once.
    expect(entries[1]).toMatchObject({
      externalId: "90002",
      addresses: ["Unit 9 Make-Believe Plaza, Hong Kong, , , HK", "1 Nowhere Road, Kowloon, , , HK"],
      countryCodes: ["HK"],
      programs: ["SDGT", "IRGC"],
    });
    expect(entries[3]).toMatchObject({ name: "PLACEHOLDER, Johnny Example", altNames: ["EXAMPLE, Johnny", "PLACEHOLDER, Juan"] });
    expect(entries[4]).toMatchObject({ name: "Quuxbridge Shipping LLC", addresses: [], countryCodes: [], programs: [] });
  });

  it("is tolerant: any column order and case, a 'country' column, a BOM, Windows-1252 text, extra columns", () => {
    const text = "REMARKS,NAME,Country,Alt Names,Extra\nnone,Compañía Ficticia,mx; Korea North,Ficticia Uno;Ficticia Dos,z\n";
    const { entries } = parse("csl", Buffer.from(text, "latin1"));
    expect(entries).toEqual([
      {
        externalId: null,
        name: "Compañía Ficticia",
        altNames: ["Ficticia Uno", "Ficticia Dos"],
        addresses: [],
        countryCodes: ["MX", "KP"],
        programs: [],
        remarks: "none",
      },
    ]);
    const withBom = parse("csl", Buffer.from(`\uFEFF${text}`, "utf8")).entries;
    expect(withBom).toEqual(entries);
  });

  it("refuses a file without a name column (and points to sdn-csv when it looks like one), and empty names", () => {
    expect(refusal(() => parse("csl", "id,title\n1,x\n")).message).toMatch(/"name"/);
    const sdnAsCsl = refusal(() => parse("csl", fixture("sdn-sample.csv")));
    expect(sdnAsCsl.code).toBe("bad_request");
    expect(sdnAsCsl.message).toMatch(/sdn-csv/);
    const empty = refusal(() => parse("csl", "name,programs\nGood Name,X\n,Y\n"));
    expect(empty).toMatchObject({ code: "bad_request", message: "Line 3: the name is empty" });
    expect(refusal(() => parse("csl", 'name\n"unclosed\n')).message).toMatch(/could not be read/);
  });

  it("a header alone, or nothing at all, is an empty list (422)", () => {
    expect(refusal(() => parse("csl", "name,alt_names\n"))).toMatchObject({ code: "rule_violation", status: 422 });
    expect(refusal(() => parse("csl", ""))).toMatchObject({ code: "rule_violation" });
    expect(refusal(() => parse("sdn-csv", "\r\n\x1a"))).toMatchObject({ code: "rule_violation" });
  });

  it("refuses binary content and strips control characters from values", () => {
    expect(refusal(() => parse("csl", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).message).toMatch(/binary/);
    const { entries } = parse("csl", "name,remarks\nBell\u0007 Name,line\u001bbreak\n");
    expect(entries[0]).toMatchObject({ name: "Bell Name", remarks: "line break" });
  });
});

describe("OFAC sdn.csv", () => {
  it("reads the fixed columns, '-0-' as empty, programs in brackets, a.k.a. in remarks, and the end-of-file mark", () => {
    const { format, entries } = parse("sdn-csv", fixture("sdn-sample.csv"));
    expect(format).toBe("csv");
    expect(entries.map((e) => e.externalId)).toEqual(["90101", "90102", "90103", "90104"]);
    expect(entries[0]).toEqual({
      externalId: "90101",
      name: "ACME TRADING SA DE CV",
      altNames: ["ACME COMERCIAL"],
      addresses: [],
      countryCodes: [],
      programs: ["SDNTK"],
      remarks: "a.k.a. 'ACME COMERCIAL'; FICTITIOUS TEST ENTRY.",
    });
    expect(entries[1]).toMatchObject({
      programs: ["SDNTK", "ILLICIT-DRUGS-EO14059"],
      remarks: "Title: Fictional Director. DOB 01 Jan 1970; FICTITIOUS TEST ENTRY.",
    });
    expect(entries[3]).toMatchObject({ name: "ZORBLATT DYNAMICS LTD.", programs: ["SDGT"], remarks: null });
  });

  it("tolerates a header row naming ent_num; refuses a non-numeric ent_num or an empty name", () => {
    const { entries } = parse("sdn-csv", 'ent_num,SDN_Name,SDN_Type\n7,"FAKE NAME",-0-\n');
    expect(entries).toMatchObject([{ externalId: "7", name: "FAKE NAME" }]);
    const csl = refusal(() => parse("sdn-csv", fixture("csl-sample.csv")));
    expect(csl).toMatchObject({ code: "bad_request" });
    expect(csl.message).toMatch(/^Line 1: the first column \(ent_num\) must be a number/);
    expect(refusal(() => parse("sdn-csv", '8,"-0- ",-0-\n')).message).toBe("Line 1: SDN_Name (second column) is empty");
  });
});

describe("OFAC SDN XML", () => {
  it("reads entries, names as LAST, First, programs, aliases, addresses and their countries", () => {
    const { format, entries } = parse("sdn-xml", fixture("sdn-sample.xml"));
    expect(format).toBe("xml");
    expect(entries).toHaveLength(3);
    expect(entries[0]).toEqual({
      externalId: "90201",
      name: "ACME TRADING SA DE CV",
      altNames: ["ACME COMERCIAL"],
      addresses: ["Av. Ficticia 123, Ciudad Imaginaria, Jalisco, 44100, Mexico"],
      countryCodes: ["MX"],
      programs: ["SDNTK"],
      remarks: "FICTITIOUS TEST ENTRY.",
    });
    expect(entries[1]).toMatchObject({
      name: "PLACEHOLDER, Johnny Example",
      altNames: ["EXAMPLE, Johnny"],
      programs: ["SDNTK", "ILLICIT-DRUGS-EO14059"],
      countryCodes: ["CO"],
      remarks: "Title: Fictional Director",
    });
    expect(entries[2]).toMatchObject({ name: "ZORBLATT DYNAMICS LTD. & PARTNERS", countryCodes: ["HK", "KP"] });
  });

  it("refuses malformed XML, another document, the advanced format and a DOCTYPE; no entries is 422", () => {
    expect(refusal(() => parse("sdn-xml", "<sdnList><sdnEntry></sdnList>")).message).toMatch(/not well-formed/);
    expect(refusal(() => parse("sdn-xml", "<catalog><book/></catalog>")).message).toMatch(/<sdnList>/);
    expect(refusal(() => parse("sdn-xml", "<Sanctions><x/></Sanctions>")).message).toMatch(/advanced XML/);
    const bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa">]><sdnList><sdnEntry><lastName>&a;</lastName></sdnEntry></sdnList>';
    expect(refusal(() => parse("sdn-xml", bomb)).message).toMatch(/DOCTYPE/);
    expect(refusal(() => parse("sdn-xml", "<sdnList><publshInformation/></sdnList>"))).toMatchObject({ code: "rule_violation" });
    expect(refusal(() => parse("sdn-xml", "<sdnList><sdnEntry><uid>5</uid></sdnEntry></sdnList>")).message).toBe(
      "sdnEntry 5 has no lastName",
    );
    expect(refusal(() => parse("sdn-xml", fixture("csl-sample.csv"))).code).toBe("bad_request");
  });
});

describe("country names", () => {
  it("resolves codes, ISO names in English and Spanish, and the way OFAC writes some countries", () => {
    expect(["mx", "China", "México", "Korea, North", "Burma", "Region: Crimea", "Atlantis"].map(countryCodeOf)).toEqual([
      "MX",
      "CN",
      "MX",
      "KP",
      "MM",
      null,
      null,
    ]);
  });
});
