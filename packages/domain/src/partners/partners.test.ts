import { describe, expect, it } from "vitest";
import { isCountryCode } from "../countries.ts";
import { checkIdentifier, IDENTIFIER_KINDS, IDENTIFIER_RULES } from "./identifiers.ts";
import { MRA_PROGRAMS, MraProgramSchema } from "./mra.ts";
import { canMovePartner, nextPartnerStatuses, PARTNER_ENTITY_TYPE, PARTNER_STATUSES, PARTNER_TYPES } from "./partner-types.ts";

describe("MRA registry", () => {
  it("lists the reference's 18 arrangements, each valid, unique and with a known country (or the EU)", () => {
    expect(MRA_PROGRAMS).toHaveLength(18);
    for (const p of MRA_PROGRAMS) expect(MraProgramSchema.safeParse(p).success).toBe(true);
    expect(new Set(MRA_PROGRAMS.map((p) => p.id)).size).toBe(18);
    expect(MRA_PROGRAMS.filter((p) => p.countryCode !== "EU" && !isCountryCode(p.countryCode))).toEqual([]);
  });

  it("is in signing order and labels every disputed fact as uncertain", () => {
    // Months are enough: some sources give only the month.
    const dates = MRA_PROGRAMS.map((p) => p.signed.slice(0, 7));
    expect(dates).toEqual([...dates].sort());
    const disputed = MRA_PROGRAMS.filter((p) => p.disputed);
    expect(disputed.map((p) => p.id).sort()).toEqual(["co-oea", "jo-golden-list"]);
    for (const p of disputed) expect(p.certainty).toBe("uncertain");
  });
});

describe("partner identifiers", () => {
  it("every kind has a rule, and only formats from a verified or secondary source are enforced", () => {
    expect(Object.keys(IDENTIFIER_RULES).sort()).toEqual([...IDENTIFIER_KINDS].sort());
    for (const rule of Object.values(IDENTIFIER_RULES)) {
      if (rule.enforcement === "reject") expect(rule.certainty).not.toBe("uncertain");
    }
  });

  it.each([
    ["scac", "abcd", "ABCD"],
    ["scac", " MAEU ", "MAEU"],
    ["fmc", "012345", "012345"],
    ["iata-org", "123456", "123456"],
    ["duns", "15-048-3782", "150483782"],
    ["ein", "12-3456789", "123456789"],
    ["rfc", "MDN-940512-AB1", "MDN940512AB1"],
    ["rfc", "GOMJ800101H12", "GOMJ800101H12"],
  ] as const)("accepts %s %j as %s", (kind, value, normalized) => {
    expect(checkIdentifier(kind, value)).toMatchObject({ ok: true, normalized, error: null, warning: null });
  });

  it.each([
    ["scac", "A"],
    ["scac", "ABCDE"],
    ["scac", "AB1"],
    ["fmc", "12345"],
    ["duns", "12345678"],
    ["rfc", "MDN94051AB1"],
    ["ein", ""],
  ] as const)("rejects %s %j with a message naming the expected shape", (kind, value) => {
    const check = checkIdentifier(kind, value);
    expect(check.ok).toBe(false);
    expect(check.error).toMatch(/should be|must be/);
  });

  it("only warns on a MID or EORI that does not fit the format we are unsure of", () => {
    expect(checkIdentifier("mid", "MXMAQDEL1234MON")).toMatchObject({ ok: true, warning: null });
    const odd = checkIdentifier("mid", "1234567890123456");
    expect(odd.ok).toBe(true);
    expect(odd.warning).toMatch(/not confirmed: uncertain/);
    expect(checkIdentifier("eori", "ZZ123").warning).toMatch(/country code/);
  });
});

describe("partner types and statuses", () => {
  it("maps every partner type to an entity type booklet", () => {
    expect(Object.keys(PARTNER_ENTITY_TYPE).sort()).toEqual([...PARTNER_TYPES].sort());
  });

  it("moves through screening to approval, suspends back through screening, and never leaves terminated", () => {
    expect(canMovePartner("prospect", "screening")).toBe(true);
    expect(canMovePartner("prospect", "approved")).toBe(false);
    expect(canMovePartner("screening", "approved")).toBe(true);
    expect(canMovePartner("suspended", "approved")).toBe(false);
    expect(nextPartnerStatuses("terminated")).toEqual([]);
    for (const s of PARTNER_STATUSES) expect(nextPartnerStatuses(s)).not.toContain(s);
  });
});
