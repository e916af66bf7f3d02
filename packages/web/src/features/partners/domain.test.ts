import { describe, expect, it } from "vitest";
import en from "../../i18n/partners.en.json";
import es from "../../i18n/partners.es.json";
import type { Certainty } from "../criteria/api";
import {
  hintIdentifier,
  IDENTIFIER_KINDS,
  IDENTIFIER_RULES,
  type IdentifierKind,
  PARTNER_STATUSES,
  PARTNER_TRANSITIONS,
  PARTNER_TYPES,
  type PartnerStatus,
  WARNING_INDICATORS,
} from "./domain";

/** The parts of @portcullis/domain this test compares with. */
interface DomainPartners {
  PARTNER_TYPES: readonly string[];
  PARTNER_STATUSES: readonly PartnerStatus[];
  IDENTIFIER_KINDS: readonly IdentifierKind[];
  IDENTIFIER_RULES: Record<IdentifierKind, { pattern: RegExp | null; enforcement: string; certainty: Certainty }>;
  nextPartnerStatuses: (s: PartnerStatus) => readonly PartnerStatus[];
  checkIdentifier: (kind: IdentifierKind, value: string) => { normalized: string; warning: string | null; error: string | null };
  isCountryCode: (code: string) => boolean;
  WARNING_INDICATORS: readonly { code: string; list: string; group: string; certainty: string; label: { en: string; es: string } }[];
}

// The web tsconfig cannot type-check the domain sources (they import with .ts extensions), so the
// module is loaded by a name tsc does not follow; vitest resolves it through the workspace.
const DOMAIN = "@portcullis/domain";
const d = (await import(/* @vite-ignore */ DOMAIN)) as DomainPartners;

/** The web app mirrors the partner facts of packages/domain; these tests fail as soon as the two drift apart. */
describe("partner domain mirror", () => {
  it("has the domain's partner types, statuses and identifier kinds, in order", () => {
    expect([...PARTNER_TYPES]).toEqual([...d.PARTNER_TYPES]);
    expect([...PARTNER_STATUSES]).toEqual([...d.PARTNER_STATUSES]);
    expect([...IDENTIFIER_KINDS]).toEqual([...d.IDENTIFIER_KINDS]);
  });

  it("allows exactly the domain's status moves", () => {
    for (const s of d.PARTNER_STATUSES) expect([...PARTNER_TRANSITIONS[s]]).toEqual([...d.nextPartnerStatuses(s)]);
  });

  it("uses the domain's identifier patterns, enforcement and certainty", () => {
    for (const kind of d.IDENTIFIER_KINDS) {
      const mine = IDENTIFIER_RULES[kind];
      const theirs = d.IDENTIFIER_RULES[kind];
      expect({ pattern: mine.pattern?.source ?? null, enforcement: mine.enforcement, certainty: mine.certainty }).toEqual({
        pattern: theirs.pattern?.source ?? null,
        enforcement: theirs.enforcement,
        certainty: theirs.certainty,
      });
    }
  });

  it.each([
    ["scac", " maeu "],
    ["scac", "AB1"],
    ["fmc", "12345"],
    ["iata", "1"],
    ["mid", "MXMAQDEL1234MON"],
    ["mid", "1234567890123456"],
    ["eori", "ZZ123"],
    ["rfc", "MDN-940512-AB1"],
    ["duns", "15-048-3782"],
    ["ein", ""],
    ["tax-id", " 12.345 "],
  ] as const)("grades %s %j like checkIdentifier", (kind, value) => {
    const server = d.checkIdentifier(kind, value);
    const hint = hintIdentifier(kind, value, d.isCountryCode);
    expect(hint.normalized).toBe(server.normalized);
    const serverLevel = server.error ? "refused" : server.warning ? "warned" : "ok";
    const hintLevel = hint.level === "error" || hint.level === "length" ? "refused" : hint.level === "ok" ? "ok" : "warned";
    expect(hintLevel).toBe(serverLevel);
  });

  it("has the domain's warning indicators, and their labels in both bundles", () => {
    expect(WARNING_INDICATORS.map((i) => ({ ...i }))).toEqual(
      d.WARNING_INDICATORS.map(({ code, list, group, certainty }) => ({ code, list, group, certainty })),
    );
    const label = (bundle: unknown, code: string) => {
      const [list, name] = code.split(".") as [string, string];
      return (bundle as { partners: { indicators: Record<string, Record<string, string>> } }).partners.indicators[list]?.[name];
    };
    for (const i of d.WARNING_INDICATORS) {
      expect(label(en, i.code)).toBe(i.label.en);
      expect(label(es, i.code)).toBe(i.label.es);
    }
  });
});
