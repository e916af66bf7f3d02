import { z } from "zod";
import { isCountryCode } from "../countries.ts";
import type { Certainty } from "../criteria/criteria.schema.ts";

/** Business identifiers a partner record can carry. */
export const IDENTIFIER_KINDS = ["mid", "scac", "iata", "iata-org", "fmc", "eori", "duns", "ein", "rfc", "tax-id"] as const;
export const IdentifierKindSchema = z.enum(IDENTIFIER_KINDS);
export type IdentifierKind = z.infer<typeof IdentifierKindSchema>;

/**
 * How each identifier's format is known. `reject` formats are facts and bad values are refused; `warn` formats
 * come from memory or a single secondary source (the reference grades them U), so a mismatch is only a warning.
 */
export interface IdentifierRule {
  kind: IdentifierKind;
  label: { en: string; es: string };
  pattern: RegExp | null;
  /** What the format looks like, for error messages. */
  shape: string;
  enforcement: "reject" | "warn" | "none";
  certainty: Certainty;
  source: string;
}

export const IDENTIFIER_RULES: Record<IdentifierKind, IdentifierRule> = {
  scac: {
    kind: "scac",
    label: { en: "SCAC", es: "SCAC" },
    pattern: /^[A-Z]{2,4}$/,
    shape: "2 to 4 letters",
    enforcement: "reject",
    certainty: "verified",
    source: "NMFTA, biz.nmfta.org/pages/scac (two-to-four-letter code); reference §1 (highway carriers need an NMFTA SCAC)",
  },
  iata: {
    kind: "iata",
    label: { en: "IATA airline code", es: "Código IATA de aerolínea" },
    pattern: /^(?=.*[A-Z])[A-Z0-9]{2}$/,
    shape: "2 letters or digits, at least one letter",
    enforcement: "warn",
    certainty: "secondary",
    source: "IATA two-character airline designators (general knowledge; reference §1 only says 'active IATA code')",
  },
  "iata-org": {
    kind: "iata-org",
    label: { en: "IATA organization number", es: "Número de organización IATA" },
    pattern: /^\d{6}$/,
    shape: "6 digits",
    enforcement: "reject",
    certainty: "verified",
    source: "reference §1, consolidators: 'FMC organization number and/or IATA organization number (6 digits each)' (cbp.gov)",
  },
  fmc: {
    kind: "fmc",
    label: { en: "FMC number", es: "Número FMC" },
    pattern: /^\d{6}$/,
    shape: "6 digits",
    enforcement: "reject",
    certainty: "verified",
    source: "reference §1: 6-digit FMC Marine Terminal Operator and organization numbers (cbp.gov)",
  },
  mid: {
    kind: "mid",
    label: { en: "MID (manufacturer ID)", es: "MID (identificación del fabricante)" },
    pattern: /^[A-Z]{2}[A-Z0-9]{1,13}$/,
    shape: "country code + up to 13 letters/digits, 15 at most",
    enforcement: "warn",
    certainty: "uncertain",
    source: "reference §8: MID construction from memory (U) — verify before relying on it",
  },
  eori: {
    kind: "eori",
    label: { en: "EORI", es: "EORI" },
    pattern: /^[A-Z]{2}[A-Z0-9]{1,15}$/,
    shape: "country code + up to 15 letters/digits",
    enforcement: "warn",
    certainty: "uncertain",
    source: "reference §8: EORI format from memory (U)",
  },
  duns: {
    kind: "duns",
    label: { en: "D-U-N-S number", es: "Número D-U-N-S" },
    pattern: /^\d{9}$/,
    shape: "9 digits",
    enforcement: "reject",
    certainty: "secondary",
    source: "Dun & Bradstreet nine-digit D-U-N-S numbers (general knowledge)",
  },
  ein: {
    kind: "ein",
    label: { en: "U.S. EIN", es: "EIN (EE. UU.)" },
    pattern: /^\d{9}$/,
    shape: "9 digits (NN-NNNNNNN)",
    enforcement: "reject",
    certainty: "secondary",
    source: "IRS employer identification numbers, nine digits (general knowledge)",
  },
  rfc: {
    kind: "rfc",
    label: { en: "Mexican RFC", es: "RFC" },
    pattern: /^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$/,
    shape: "3 letters (companies) or 4 (individuals), 6-digit date, 3-character homoclave",
    enforcement: "reject",
    certainty: "secondary",
    source: "SAT Registro Federal de Contribuyentes: 12 characters for companies, 13 for individuals (general knowledge)",
  },
  "tax-id": {
    kind: "tax-id",
    label: { en: "Other tax ID", es: "Otra identificación fiscal" },
    pattern: null,
    shape: "any",
    enforcement: "none",
    certainty: "verified",
    source: "free text: formats differ by country",
  },
};

/** The outcome of checking one identifier. */
export interface IdentifierCheck {
  kind: IdentifierKind;
  /** The value as stored: trimmed, upper-cased, separators removed where the format has none. */
  normalized: string;
  ok: boolean;
  /** A mismatch with a format we are not sure of: accepted, but shown to the user. */
  warning: string | null;
  error: string | null;
}

/** Normalize and check an identifier value against what is known of its format. */
export function checkIdentifier(kind: IdentifierKind, value: string): IdentifierCheck {
  const rule = IDENTIFIER_RULES[kind];
  let normalized = value.normalize("NFC").trim().toUpperCase();
  if (kind !== "tax-id") normalized = normalized.replace(/[\s.\-/]/g, "");
  const base = { kind, normalized, warning: null, error: null };
  if (normalized.length === 0 || normalized.length > 64) {
    return { ...base, ok: false, error: `${rule.label.en} must be 1–64 characters` };
  }
  if (!rule.pattern || rule.pattern.test(normalized)) {
    if ((kind === "mid" || kind === "eori") && !isCountryCode(normalized.slice(0, 2))) {
      return { ...base, ok: true, warning: `${rule.label.en} usually starts with an ISO country code` };
    }
    return { ...base, ok: true };
  }
  const message = `${rule.label.en} should be ${rule.shape}`;
  return rule.enforcement === "reject"
    ? { ...base, ok: false, error: message }
    : { ...base, ok: true, warning: `${message} (format not confirmed: ${rule.certainty})` };
}
