import { randomUUID } from "node:crypto";
import { PARTNER_STATUSES, PARTNER_TYPES } from "@portcullis/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { exportOf, sendImport } from "./imports.test-kit.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Text the way people type it in a registry: accents, commas, semicolons, quotes, apostrophes, formula-looking
// starts and line breaks inside; stored trimmed and in NFC, as the API and the import store it.
const CHARS = [..."abcxyzABCXYZ019 áéíóúñÑüÇ,;\"'=+-@.:()/&\n"];
// Starts a spreadsheet would run as a formula, and the export's own guard, come up often on purpose.
const STARTS = ["", "", "", "=", "'=", "''+", "-", "@", "'", "+1"];
const textArb = (max: number) =>
  fc
    .tuple(fc.constantFrom(...STARTS), fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: max }))
    .map(([start, cs]) => `${start}${cs.join("")}`.normalize("NFC").trim())
    .filter((s) => s.length > 0);
const keyArb = fc
  .array(fc.constantFrom(..."ABCXYZ0129-_.áé =,|'"), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join("").trim())
  .filter((s) => s.length > 0);
const IDENTIFIERS = ["scac:ABCD", "duns:123456789", "rfc:AAA010101AAA", "fmc:012345", "tax-id:AB 12-X", "mid:MXACME1234"];

const partnerArb = fc.record({
  key: fc.option(keyArb, { nil: null }),
  name: textArb(40),
  legalName: fc.option(textArb(30), { nil: null }),
  type: fc.constantFrom(...PARTNER_TYPES),
  country: fc.constantFrom("MX", "US", "CN", "DE", "BR", "ES"),
  address: fc.option(textArb(40), { nil: null }),
  website: fc.option(fc.constantFrom("https://acme.example", "www.núñez.mx"), { nil: null }),
  risk: fc.constantFrom("low", "medium", "high"),
  status: fc.constantFrom(...PARTNER_STATUSES),
  identifiers: fc.subarray(IDENTIFIERS, { maxLength: 3 }),
  archived: fc.nat(9).map((n) => n < 2),
});

/** Distinct keys; suppliers only from earlier partners, so the supplier graph has no cycle. */
const registryArb = fc.uniqueArray(partnerArb, { minLength: 1, maxLength: 8, selector: (p) => p.key ?? randomUUID() }).chain((partners) =>
  fc.record({
    partners: fc.constant(partners),
    edges:
      partners.length < 2
        ? fc.constant([] as [number, number][])
        : fc.uniqueArray(
            fc
              .tuple(fc.nat(partners.length - 2), fc.nat(partners.length - 2))
              .map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b) + 1]),
            { maxLength: 10, selector: ([s, c]) => `${s}>${c}` },
          ),
  }),
);

describe("export → import changes nothing (property)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  it("for random registries, in CSV and XLSX", async () => {
    await fc.assert(
      fc.asyncProperty(registryArb, async ({ partners, edges }) => {
        const owner = await createTenantFixture(h);
        const ids = partners.map(() => randomUUID());
        const col = <T>(f: (p: (typeof partners)[number]) => T) => partners.map(f);
        await h.rawQuery(
          `INSERT INTO partners (id, tenant_id, external_key, name, legal_name, type, country_code, address, website, risk_level, status, archived_at)
           SELECT v.id, $1, v.k, v.n, v.l, v.t, v.c, v.a, v.w, v.r, v.s, CASE WHEN v.x THEN now() END
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
             $11::text[], $12::bool[]) AS v(id, k, n, l, t, c, a, w, r, s, x)`,
          [
            owner.tenantId,
            ids,
            col((p) => p.key),
            col((p) => p.name),
            col((p) => p.legalName),
            col((p) => p.type),
            col((p) => p.country),
            col((p) => p.address),
            col((p) => p.website),
            col((p) => p.risk),
            col((p) => p.status),
            col((p) => p.archived),
          ],
        );
        const idents = partners.flatMap((p, i) => p.identifiers.map((x) => [ids[i], ...x.split(/:(.*)/s).slice(0, 2)]));
        for (const [partnerId, kind, value] of idents) {
          await h.rawQuery("INSERT INTO partner_identifiers (tenant_id, partner_id, kind, value) VALUES ($1, $2, $3, $4)", [
            owner.tenantId,
            partnerId,
            kind,
            value,
          ]);
        }
        for (const [s, c] of edges) {
          await h.rawQuery("INSERT INTO partner_relations (tenant_id, supplier_id, customer_id) VALUES ($1, $2, $3)", [
            owner.tenantId,
            ids[s],
            ids[c],
          ]);
        }
        const live = partners.filter((p) => !p.archived).length;
        for (const format of ["csv", "xlsx"] as const) {
          const { res, body } = await exportOf(owner, "partners", format);
          expect(res.statusCode).toBe(200);
          const back = await sendImport(owner, "partners", body, {
            filename: `partners.${format}`,
            contentType: format === "csv" ? "text/csv" : XLSX,
          });
          if (live === 0) {
            // An empty registry exports a header only, which the import refuses as a file without rows.
            expect(back.statusCode).toBe(422);
            continue;
          }
          expect(back.statusCode, `${format}: ${back.body}`).toBe(200);
          expect({ format, ...back.json() }).toMatchObject({ format, create: 0, update: 0, unchanged: live, totalErrors: 0 });
        }
      }),
      { numRuns: 25 },
    );
  });
});
