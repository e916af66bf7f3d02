import { MRA_PROGRAMS, ScreeningKindSchema, ScreeningResultSchema, WarningIndicatorCodeSchema } from "@portcullis/domain";
import { z } from "zod";
import { DateString, longText, PageQuery, QueryBool, text } from "../../http/schemas.ts";
import { addDaysIso, todayUtc } from "../procedures/review-interval.ts";
import { PersonSchema } from "../security-profile/security-profile.schema.ts";
import { SiteInputFields, SiteViewFields } from "../sites/sites.fields.ts";

// Month arithmetic on dates before 1900 goes wrong in JavaScript (years 0–99 map to 19xx), and a record of
// something done in the future is a typo; one day of slack covers time zones ahead of UTC.
const PastDate = DateString.refine((d) => d >= "1900-01-01", "must be 1900-01-01 or later").refine(
  (d) => d <= addDaysIso(todayUtc(), 1),
  "must not be in the future",
);

// ─── Partner sites ──────────────────────────────────────────────────────────────────────────────────────

/** Body of POST /api/partners/{id}/sites. Latitude and longitude go together. */
export const CreatePartnerSiteBody = z.strictObject({ ...SiteInputFields, externalKey: text(100).nullish() });
export type CreatePartnerSiteInput = z.infer<typeof CreatePartnerSiteBody>;

/** Body of PATCH /api/partner-sites/{id}. */
export const UpdatePartnerSiteBody = CreatePartnerSiteBody.partial();
export type UpdatePartnerSiteInput = z.infer<typeof UpdatePartnerSiteBody>;

/** Query of GET /api/partners/{id}/sites. */
export const ListPartnerSitesQuery = z.strictObject({ includeArchived: QueryBool.optional(), ...PageQuery });
export type ListPartnerSitesQueryInput = z.infer<typeof ListPartnerSitesQuery>;

export const PartnerSiteSchema = z.object({ id: z.string(), partnerId: z.string(), externalKey: z.string().nullable(), ...SiteViewFields });
export type PartnerSite = z.infer<typeof PartnerSiteSchema>;

export const PartnerSiteListSchema = z.object({
  items: z.array(PartnerSiteSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

// ─── Certifications ─────────────────────────────────────────────────────────────────────────────────────

/** "ctpat" or the id of an arrangement in the MRA registry (e.g. "mx-oea"). */
export const CERTIFICATION_PROGRAMS = ["ctpat", ...MRA_PROGRAMS.map((p) => p.id)] as [string, ...string[]];
export const CERTIFICATION_STATUSES = ["active", "suspended", "expired", "revoked"] as const;

/** Body of POST /api/partners/{id}/certifications. */
export const CreateCertificationBody = z.strictObject({
  program: z.enum(CERTIFICATION_PROGRAMS),
  certificateId: text(100).nullish(),
  status: z.enum(CERTIFICATION_STATUSES).optional(),
  validFrom: DateString.nullish(),
  validTo: DateString.nullish(),
  lastVerifiedOn: PastDate.nullish(),
  evidenceId: z.uuid().nullish(),
});
export type CreateCertificationInput = z.infer<typeof CreateCertificationBody>;

/** Body of PATCH /api/partner-certifications/{id}. */
export const UpdateCertificationBody = CreateCertificationBody.partial();
export type UpdateCertificationInput = z.infer<typeof UpdateCertificationBody>;

export const CertificationSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  program: z.string(),
  /** The program's name: "CTPAT" or the foreign program under the MRA. */
  programName: z.string(),
  scheme: z.enum(["ctpat", "mra"]),
  certificateId: z.string().nullable(),
  status: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  lastVerifiedOn: z.string().nullable(),
  nextVerificationOn: z.string().nullable(),
  evidenceId: z.string().nullable(),
  /** Status active and today within validFrom–validTo. */
  active: z.boolean(),
  /** validTo has passed (or the status says expired). */
  expired: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Certification = z.infer<typeof CertificationSchema>;

// ─── Screening records ──────────────────────────────────────────────────────────────────────────────────

/** Body of POST /api/partners/{id}/screenings. Indicators are codes of the domain's warning-indicator lists. */
export const CreateScreeningBody = z.strictObject({
  kind: ScreeningKindSchema,
  result: ScreeningResultSchema,
  indicators: z.array(WarningIndicatorCodeSchema).max(60).default([]),
  notes: longText(5000).nullish(),
  performedOn: PastDate,
});
export type CreateScreeningInput = z.infer<typeof CreateScreeningBody>;

export const ScreeningSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  kind: z.string(),
  result: z.string(),
  indicators: z.array(z.string()),
  notes: z.string().nullable(),
  performedBy: PersonSchema,
  performedOn: z.string(),
  createdAt: z.string(),
});
export type Screening = z.infer<typeof ScreeningSchema>;

/** 201 of POST /api/partners/{id}/screenings: the record and the partner's new rescreen date. */
export const ScreeningCreatedSchema = ScreeningSchema.extend({ rescreenDueOn: z.string().nullable() });

// ─── Multi-tier relations, waiver, MRA registry ─────────────────────────────────────────────────────────

/** Body of POST /api/partners/{id}/suppliers and …/suppliers/remove. */
export const SupplierBody = z.strictObject({ supplierId: z.uuid() });

/** Body of POST /api/partners/{id}/questionnaire-waiver. */
export const WaiverBody = z.strictObject({ certificationId: z.uuid(), reason: text(1000) });

export const MraProgramListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      countryCode: z.string(),
      partner: z.object({ en: z.string(), es: z.string() }),
      program: z.string(),
      signed: z.string(),
      certainty: z.string(),
      disputed: z.string().nullable(),
      sources: z.array(z.string()),
    }),
  ),
});
