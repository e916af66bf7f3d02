import { getMraProgram } from "@portcullis/domain";
import type { PartnerCertificationRow, PartnerRow, PartnerSiteRow } from "../../db/schema-partners.ts";
import { addMonthsIso } from "../procedures/review-interval.ts";
import { presentSiteFields } from "../sites/sites.fields.ts";
import type { Certification, PartnerSite, Screening } from "./partners.records.schema.ts";
import type { Certified, Partner, PartnerRef, RiskLevel } from "./partners.schema.ts";

/** How many months a screening holds, by the partner's risk: high 6, medium 12, low 24. */
export const RESCREEN_MONTHS: Record<RiskLevel, number> = { high: 6, medium: 12, low: 24 };

/** A certification is verified again this many months after its last verification. */
export const REVERIFY_MONTHS = 12;

/** Reminders (and the `rescreenDue` filter) look this many days ahead. */
export const DUE_SOON_DAYS = 30;

/** The facts of a certification that decide whether it counts today. */
export type CertificationFacts = Pick<PartnerCertificationRow, "program" | "status" | "valid_from" | "valid_to">;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** The date a partner screened on `performedOn` must be screened again, from its risk level. */
export function rescreenDueOn(performedOn: string, riskLevel: string): string {
  return addMonthsIso(performedOn, RESCREEN_MONTHS[riskLevel as RiskLevel] ?? RESCREEN_MONTHS.medium);
}

/** The next verification of a certification last verified on `lastVerifiedOn` (null when never verified). */
export function nextVerificationOn(lastVerifiedOn: string | null): string | null {
  return lastVerifiedOn ? addMonthsIso(lastVerifiedOn, REVERIFY_MONTHS) : null;
}

/**
 * True when the certification lapsed: its status says expired, or it is still marked active but `validTo` has
 * passed. Suspended and revoked certifications are not "expired": they were withdrawn, not left to run out.
 */
export function isExpiredCertification(cert: CertificationFacts, today: string): boolean {
  return cert.status === "expired" || (cert.status === "active" && cert.valid_to !== null && cert.valid_to < today);
}

/** True when the certification counts today: status active, and today inside validFrom–validTo. */
export function isActiveCertification(cert: CertificationFacts, today: string): boolean {
  return (
    cert.status === "active" && (cert.valid_from === null || cert.valid_from <= today) && (cert.valid_to === null || cert.valid_to >= today)
  );
}

/**
 * What a partner's certifications are worth on `today` (YYYY-MM-DD), for the `certified` flag of a Partner and for
 * other modules (lanes' uncertified report, imports, questionnaire waivers): "ctpat" when an active CTPAT
 * certification exists, else "mra" for an active foreign AEO under a Mutual Recognition Arrangement, else "expired"
 * when one has lapsed (an alert: it needs renewing), else "none". Suspended or revoked certifications count for nothing.
 * The SQL twin used by the list filter is `certifiedSql` in partners.repo.ts; tests hold the two together.
 */
export function certifiedStatus(certs: readonly CertificationFacts[], today: string): Certified {
  const active = certs.filter((c) => isActiveCertification(c, today));
  if (active.some((c) => c.program === "ctpat")) return "ctpat";
  if (active.length > 0) return "mra";
  return certs.some((c) => isExpiredCertification(c, today)) ? "expired" : "none";
}

/**
 * Whitelist a partner row for the API. `certs` are the partner's certifications (all of them: the flag is computed
 * here) and `today` is YYYY-MM-DD. A recorded questionnaire waiver holds only while an active CTPAT/MRA
 * certification does.
 */
export function presentPartner(row: PartnerRow, certs: readonly CertificationFacts[], today: string): Partner {
  const certified = certifiedStatus(certs, today);
  return {
    id: row.id,
    externalKey: row.external_key,
    name: row.name,
    legalName: row.legal_name,
    type: row.type,
    countryCode: row.country_code,
    address: row.address,
    website: row.website,
    status: row.status,
    riskLevel: row.risk_level,
    vulnerabilityScore: row.vulnerability_score,
    rescreenDueOn: row.rescreen_due_on,
    rescreenOverdue: row.rescreen_due_on !== null && row.rescreen_due_on < today,
    certified,
    questionnaireWaived: row.questionnaire_waived_at !== null && (certified === "ctpat" || certified === "mra"),
    notes: row.notes,
    archivedAt: iso(row.archived_at),
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
  };
}

/** The short form of a partner (id, name, type, country, status, archived) for other modules' records. */
export function partnerRef(row: Pick<PartnerRow, "id" | "name" | "type" | "country_code" | "status" | "archived_at">): PartnerRef {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    countryCode: row.country_code,
    status: row.status,
    archived: row.archived_at !== null,
  };
}

/** Whitelist a partner site row. */
export function presentPartnerSite(row: PartnerSiteRow): PartnerSite {
  return {
    id: row.id,
    partnerId: row.partner_id,
    externalKey: row.external_key,
    ...presentSiteFields(row),
  };
}

/** The display name of a certification program ("CTPAT" or the MRA's foreign program). */
export function programName(program: string): string {
  return program === "ctpat" ? "CTPAT" : (getMraProgram(program)?.program ?? program);
}

/** Whitelist a certification row, with its standing on `today`. */
export function presentCertification(row: PartnerCertificationRow, today: string): Certification {
  return {
    id: row.id,
    partnerId: row.partner_id,
    program: row.program,
    programName: programName(row.program),
    scheme: row.program === "ctpat" ? "ctpat" : "mra",
    certificateId: row.certificate_id,
    status: row.status,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    lastVerifiedOn: row.last_verified_on,
    nextVerificationOn: row.next_verification_on,
    evidenceId: row.evidence_id,
    active: isActiveCertification(row, today),
    expired: isExpiredCertification(row, today),
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
  };
}

/** A screening row joined with its author's name. */
export interface ScreeningViewRow {
  id: string;
  partner_id: string;
  kind: string;
  result: string;
  indicators: string[];
  notes: string | null;
  performed_by: string | null;
  performer_name: string | null;
  performed_on: string;
  created_at: Date;
}

/** Whitelist a screening record. */
export function presentScreening(row: ScreeningViewRow): Screening {
  return {
    id: row.id,
    partnerId: row.partner_id,
    kind: row.kind,
    result: row.result,
    indicators: row.indicators,
    notes: row.notes,
    performedBy: row.performed_by ? { id: row.performed_by, displayName: row.performer_name ?? "" } : null,
    performedOn: row.performed_on,
    createdAt: iso(row.created_at) as string,
  };
}
