import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, createSiteFixture, createTenantFixture } from "../../test/factories.ts";
import { fuzzString, hugeString } from "../../test/fuzz/arbitraries.ts";
import { SWEEP_QUERY_VALUES } from "../../test/fuzz/values.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { Multipart } from "../../test/multipart.ts";
import { errorShapeProblems, internalLeaks } from "../../test/probes.ts";
import { importCounts } from "./imports.test-kit.ts";
import { COLUMNS } from "./imports.vocab.ts";

/**
 * The route fuzz (test/fuzz.int.test.ts) sends JSON to every route; an upload route needs multipart. Here hostile
 * files go to POST /api/imports: random CSV-ish text with quotes, NULs, lone surrogates, huge cells and real headers,
 * random bytes, ZIPs and PDFs under any name. Never a 5xx, never an internal leak, and a refusal changes nothing.
 */
const awkward = fc.constantFrom(
  '"',
  '""',
  ";",
  ",",
  "\n",
  "\r\n",
  "\u0000",
  "\ufeff",
  "é",
  "'=",
  "=cmd|' /C calc'!A0",
  "port:",
  "site:",
  "MX",
);
const cell = fc.oneof(
  { weight: 3, arbitrary: fuzzString },
  { weight: 3, arbitrary: awkward },
  { weight: 2, arbitrary: fc.constantFrom("manufacturer", "México", "1", "-100.5", "rfc:AAA010101AAA", "partner-site:X", "port:MXZLO") },
  { weight: 1, arbitrary: hugeString.map((s) => s.slice(0, 5000)) },
);
const csvText = fc
  .record({
    header: fc.oneof(
      fc.constantFrom(...Object.values(COLUMNS).map((c) => c.join(","))),
      fc.array(cell, { maxLength: 6 }).map((c) => c.join(",")),
    ),
    rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 8 }),
    sep: fc.constantFrom(",", ";", "\t"),
  })
  .map(({ header, rows, sep }) => [header, ...rows.map((r) => r.join(sep))].join("\n"));
const fileData = fc.oneof(
  { weight: 6, arbitrary: csvText.map((t) => Buffer.from(t, "utf8")) },
  { weight: 1, arbitrary: csvText.map((t) => Buffer.from(t, "latin1")) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.from(b)])) },
  { weight: 1, arbitrary: fc.constant(Buffer.from("%PDF-1.4\n")) },
);
// Mostly valid form fields, so most files reach the reader and the planner.
const kindField = fc.oneof({ weight: 8, arbitrary: fc.constantFrom("partners", "sites", "lanes") }, { weight: 1, arbitrary: fuzzString });
const dryRunField = fc.oneof({ weight: 8, arbitrary: fc.constantFrom("true", "false", "") }, { weight: 1, arbitrary: fuzzString });

describe("fuzzing the import upload", () => {
  let h: Harness;
  let owner: Caller;
  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    await createSiteFixture(owner, { name: "Planta" });
  });
  afterAll(() => h?.close());

  it("answers hostile files and form fields with 2xx or a clean 4xx, changing nothing when it refuses", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: kindField,
          dryRun: dryRunField,
          data: fileData,
          filename: fc.constantFrom("p.csv", "p.csv", "p.csv", "p.xlsx", "p.yaml", "p.txt", "p", "../../etc/passwd.csv"),
          type: fc.constantFrom("text/csv", "application/octet-stream", "application/pdf", ""),
        }),
        async ({ kind, dryRun, data, filename, type }) => {
          const before = await importCounts(h, owner.tenantId);
          const m = new Multipart({ kind, dryRun, file: { filename, contentType: type, data } });
          const res = await owner.request("POST", "/api/imports", m.payload, { "content-type": m.contentType });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
          expect(internalLeaks(res.body)).toEqual([]);
          if (res.statusCode >= 400) {
            expect(errorShapeProblems(res)).toEqual([]);
            expect(await importCounts(h, owner.tenantId)).toEqual(before);
          }
        },
      ),
      { numRuns: 150, seed: 20261201 },
    );
    // The fuzz reached the parser and the planner, not just the form checks.
    expect(statuses.get(422) ?? 0).toBeGreaterThan(10);
    expect(statuses.get(415) ?? 0).toBeGreaterThan(0);
  });

  it("sweeps hostile query values over the export", async () => {
    for (const name of ["kind", "format", "x"]) {
      for (const value of [...SWEEP_QUERY_VALUES, "partners&kind=lanes"]) {
        const res = await owner.request("GET", `/api/imports/export?${name}=${value}`);
        expect(res.statusCode, `${name}=${value.slice(0, 20)}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(errorShapeProblems(res)).toEqual([]);
      }
    }
  });
});
