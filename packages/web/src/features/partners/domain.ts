/**
 * Partner facts mirrored from packages/domain/src/partners (the web app does not bundle the domain package).
 * domain.test.ts compares every list and rule here with the domain, so a drift fails the unit tests.
 */
import type { Certainty } from "../criteria/api";

export const PARTNER_TYPES = [
  "manufacturer",
  "highway-carrier",
  "rail-carrier",
  "sea-carrier",
  "air-carrier",
  "customs-broker",
  "consolidator",
  "3pl",
  "terminal-operator",
  "exporter",
  "other",
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PARTNER_STATUSES = ["prospect", "screening", "approved", "suspended", "terminated"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** Allowed moves; terminated is final and a suspended partner returns only through a new screening. */
export const PARTNER_TRANSITIONS: Record<PartnerStatus, readonly PartnerStatus[]> = {
  prospect: ["screening", "terminated"],
  screening: ["approved", "prospect", "terminated"],
  approved: ["suspended", "terminated", "screening"],
  suspended: ["screening", "terminated"],
  terminated: [],
};

/** Moves only approvers may make (the contract: approved, suspended and terminated). */
export const APPROVER_ONLY_STATUSES: readonly PartnerStatus[] = ["approved", "suspended", "terminated"];

export const RISK_LEVELS = ["low", "medium", "high"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Months a screening holds, by the partner's risk (the server sets `rescreenDueOn` from it). */
export const RESCREEN_MONTHS: Record<RiskLevel, number> = { high: 6, medium: 12, low: 24 };

export const CERTIFIED_VALUES = ["ctpat", "mra", "none", "expired"] as const;
export type Certified = (typeof CERTIFIED_VALUES)[number];

export const CERTIFICATION_STATUSES = ["active", "suspended", "expired", "revoked"] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

export const SCREENING_KINDS = [
  "due-diligence",
  "tbml",
  "terrorism-financing",
  "forced-labor",
  "site-visit",
  "sanctions",
  "other",
] as const;
export type ScreeningKind = (typeof SCREENING_KINDS)[number];

export const SCREENING_RESULTS = ["pass", "concern", "fail"] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];

/** Which checklist a warning indicator belongs to. */
export type IndicatorList = "tbml-tf" | "forced-labor";

/** A warning sign a reviewer can tick on a screening record; its label is `partners.indicators.<code>` in the bundles. */
export interface WarningIndicator {
  code: string;
  list: IndicatorList;
  group: string;
  certainty: Certainty;
}

/** The domain's TBML/TF warning signs, then the forced-labor checks (the server accepts only these codes). */
export const WARNING_INDICATORS: readonly WarningIndicator[] = [
  { code: "tbml.high-risk-jurisdiction", list: "tbml-tf", group: "jurisdiction", certainty: "secondary" },
  { code: "tbml.price-mismatch", list: "tbml-tf", group: "pricing-and-documents", certainty: "secondary" },
  { code: "tbml.quantity-mismatch", list: "tbml-tf", group: "pricing-and-documents", certainty: "secondary" },
  { code: "tbml.false-documents", list: "tbml-tf", group: "pricing-and-documents", certainty: "secondary" },
  { code: "tbml.missing-documents", list: "tbml-tf", group: "pricing-and-documents", certainty: "secondary" },
  { code: "tbml.repeat-invoicing", list: "tbml-tf", group: "pricing-and-documents", certainty: "secondary" },
  { code: "tbml.illogical-route", list: "tbml-tf", group: "shipping", certainty: "secondary" },
  { code: "tbml.free-trade-zone", list: "tbml-tf", group: "shipping", certainty: "secondary" },
  { code: "tbml.cash-payments", list: "tbml-tf", group: "payments", certainty: "secondary" },
  { code: "tbml.third-party-payments", list: "tbml-tf", group: "payments", certainty: "secondary" },
  { code: "tbml.complex-letters-of-credit", list: "tbml-tf", group: "payments", certainty: "secondary" },
  { code: "tbml.uncharacteristic-goods", list: "tbml-tf", group: "partner-profile", certainty: "secondary" },
  { code: "tbml.front-company", list: "tbml-tf", group: "partner-profile", certainty: "secondary" },
  { code: "tbml.withholds-information", list: "tbml-tf", group: "partner-profile", certainty: "secondary" },
  { code: "tbml.identifier-misuse", list: "tbml-tf", group: "partner-profile", certainty: "secondary" },
  { code: "tbml.sensitive-end-use", list: "tbml-tf", group: "terrorism-financing", certainty: "secondary" },
  { code: "tbml.opaque-nonprofit", list: "tbml-tf", group: "terrorism-financing", certainty: "secondary" },
  { code: "fl.no-code-of-conduct", list: "forced-labor", group: "program", certainty: "secondary" },
  { code: "fl.no-risk-mapping", list: "forced-labor", group: "program", certainty: "secondary" },
  { code: "fl.no-supplier-due-diligence", list: "forced-labor", group: "program", certainty: "secondary" },
  { code: "fl.no-remediation-plan", list: "forced-labor", group: "program", certainty: "secondary" },
  { code: "fl.no-monitoring", list: "forced-labor", group: "program", certainty: "secondary" },
  { code: "fl.listed-goods", list: "forced-labor", group: "sourcing", certainty: "secondary" },
  { code: "fl.withhold-release-order", list: "forced-labor", group: "sourcing", certainty: "secondary" },
  { code: "fl.abuse-of-vulnerability", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.deception", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.restricted-movement", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.isolation", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.violence", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.threats", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.retained-documents", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.withheld-wages", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.debt-bondage", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.recruitment-fees", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.abusive-conditions", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.excessive-overtime", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.child-labor", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
  { code: "fl.prison-labor", list: "forced-labor", group: "worker-signs", certainty: "secondary" },
];

/** The checklists a screening kind opens with (the reviewer may still open the other one). */
export function indicatorListsFor(kind: ScreeningKind): IndicatorList[] {
  if (kind === "forced-labor") return ["forced-labor"];
  if (kind === "tbml" || kind === "terrorism-financing") return ["tbml-tf"];
  return ["tbml-tf", "forced-labor"];
}

export const IDENTIFIER_KINDS = ["mid", "scac", "iata", "iata-org", "fmc", "eori", "duns", "ein", "rfc", "tax-id"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** What is known of an identifier's format: `reject` formats are facts, `warn` ones are only hints. */
export interface IdentifierRule {
  pattern: RegExp | null;
  enforcement: "reject" | "warn" | "none";
  certainty: Certainty;
}

export const IDENTIFIER_RULES: Record<IdentifierKind, IdentifierRule> = {
  scac: { pattern: /^[A-Z]{2,4}$/, enforcement: "reject", certainty: "verified" },
  iata: { pattern: /^(?=.*[A-Z])[A-Z0-9]{2}$/, enforcement: "warn", certainty: "secondary" },
  "iata-org": { pattern: /^\d{6}$/, enforcement: "reject", certainty: "verified" },
  fmc: { pattern: /^\d{6}$/, enforcement: "reject", certainty: "verified" },
  mid: { pattern: /^[A-Z]{2}[A-Z0-9]{1,13}$/, enforcement: "warn", certainty: "uncertain" },
  eori: { pattern: /^[A-Z]{2}[A-Z0-9]{1,15}$/, enforcement: "warn", certainty: "uncertain" },
  duns: { pattern: /^\d{9}$/, enforcement: "reject", certainty: "secondary" },
  ein: { pattern: /^\d{9}$/, enforcement: "reject", certainty: "secondary" },
  rfc: { pattern: /^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$/, enforcement: "reject", certainty: "secondary" },
  "tax-id": { pattern: null, enforcement: "none", certainty: "verified" },
};

/** The browser's check of one identifier, graded like the domain's `checkIdentifier`. */
export interface IdentifierHint {
  normalized: string;
  /** "error": the server will refuse it; "warning": kept, but the format is not confirmed; "countryPrefix": MID/EORI without an ISO prefix. */
  level: "ok" | "error" | "warning" | "countryPrefix" | "length";
}

/**
 * Normalize and grade an identifier exactly as the server will, so the form can show the hint while typing.
 * `isCountry` is passed in so this file does not depend on the country list.
 */
export function hintIdentifier(kind: IdentifierKind, value: string, isCountry: (code: string) => boolean): IdentifierHint {
  const rule = IDENTIFIER_RULES[kind];
  let normalized = value.normalize("NFC").trim().toUpperCase();
  if (kind !== "tax-id") normalized = normalized.replace(/[\s.\-/]/g, "");
  if (normalized.length === 0 || normalized.length > 64) return { normalized, level: "length" };
  if (!rule.pattern || rule.pattern.test(normalized)) {
    if ((kind === "mid" || kind === "eori") && !isCountry(normalized.slice(0, 2))) return { normalized, level: "countryPrefix" };
    return { normalized, level: "ok" };
  }
  return { normalized, level: rule.enforcement === "reject" ? "error" : "warning" };
}

/** The statuses a user with this power may move a partner to from `from`. */
export function allowedMoves(from: PartnerStatus, canApprove: boolean): PartnerStatus[] {
  return PARTNER_TRANSITIONS[from].filter((to) => canApprove || !APPROVER_ONLY_STATUSES.includes(to));
}
