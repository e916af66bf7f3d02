import { CountryCodeSchema, IdentifierKindSchema, PartnerStatusSchema, PartnerTypeSchema } from "@portcullis/domain";
import { z } from "zod";
import { longText, PageQuery, QueryBool, text } from "../../http/schemas.ts";
import { PersonSchema } from "../security-profile/security-profile.schema.ts";
import { CertificationSchema, PartnerSiteSchema, ScreeningSchema } from "./partners.records.schema.ts";

/** A partner's risk rating: sets how soon it must be screened again (high 6, medium 12, low 24 months). */
export const RISK_LEVELS = ["low", "medium", "high"] as const;
export const RiskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

/** Whether a partner holds a certification we may rely on: CTPAT, a foreign AEO under an MRA, a lapsed one, none. */
export const CERTIFIED_STATUSES = ["ctpat", "mra", "none", "expired"] as const;
export const CertifiedSchema = z.enum(CERTIFIED_STATUSES);
export type Certified = z.infer<typeof CertifiedSchema>;

const IdentifierInput = z.strictObject({ kind: IdentifierKindSchema, value: text(64) });
const ContactInput = z.strictObject({
  name: text(200),
  email: z.email().max(320).nullish(),
  phone: text(50).nullish(),
  role: text(100).nullish(),
});

/** Body of POST /api/partners. `identifiers` and `contacts` are whole lists. */
export const CreatePartnerBody = z.strictObject({
  name: text(200),
  type: PartnerTypeSchema,
  countryCode: CountryCodeSchema,
  legalName: text(300).nullish(),
  externalKey: text(100).nullish(),
  address: longText(1000).nullish(),
  website: text(500).nullish(),
  riskLevel: RiskLevelSchema.optional(),
  notes: longText(5000).nullish(),
  identifiers: z.array(IdentifierInput).max(50).optional(),
  contacts: z.array(ContactInput).max(50).optional(),
});
export type CreatePartnerInput = z.infer<typeof CreatePartnerBody>;

/** Body of PATCH /api/partners/{id}: any subset; `identifiers`/`contacts` replace the lists when given. */
export const UpdatePartnerBody = CreatePartnerBody.partial();
export type UpdatePartnerInput = z.infer<typeof UpdatePartnerBody>;

/** Query of GET /api/partners. */
export const ListPartnersQuery = z.strictObject({
  q: text(200, 0).optional(),
  type: PartnerTypeSchema.optional(),
  status: PartnerStatusSchema.optional(),
  countryCode: text(2, 0).optional(),
  risk: RiskLevelSchema.optional(),
  certified: CertifiedSchema.optional(),
  /** true: screening falls due within 30 days or is overdue; false: the others (never screened included). */
  rescreenDue: QueryBool.optional(),
  includeArchived: QueryBool.optional(),
  ...PageQuery,
});
export type ListPartnersQueryInput = z.infer<typeof ListPartnersQuery>;

/** Body of POST /api/partners/{id}/status. */
export const MovePartnerBody = z.strictObject({ to: PartnerStatusSchema, reason: text(1000) });
export type MovePartnerInput = z.infer<typeof MovePartnerBody>;

/** A partner as lists and other modules show it. */
export const PartnerSchema = z.object({
  id: z.string(),
  externalKey: z.string().nullable(),
  name: z.string(),
  legalName: z.string().nullable(),
  type: z.string(),
  countryCode: z.string(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  status: z.string(),
  riskLevel: z.string(),
  vulnerabilityScore: z.number().nullable(),
  rescreenDueOn: z.string().nullable(),
  rescreenOverdue: z.boolean(),
  certified: CertifiedSchema,
  questionnaireWaived: z.boolean(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Partner = z.infer<typeof PartnerSchema>;

/** The short form of a partner, for relations and other modules' records. */
export const PartnerRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  countryCode: z.string(),
  status: z.string(),
  archived: z.boolean(),
});
export type PartnerRef = z.infer<typeof PartnerRefSchema>;

export const PartnerIdentifierSchema = z.object({ kind: z.string(), value: z.string(), warning: z.string().nullable() });
export const PartnerContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.string().nullable(),
});
export const StatusHistorySchema = z.object({
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string().nullable(),
  by: PersonSchema,
  at: z.string(),
});

/** GET /api/partners/{id}: the partner with everything recorded about it. */
export const PartnerDetailSchema = PartnerSchema.extend({
  questionnaireWaiver: z.object({ waivedAt: z.string(), reason: z.string().nullable() }).nullable(),
  sites: z.array(PartnerSiteSchema),
  contacts: z.array(PartnerContactSchema),
  identifiers: z.array(PartnerIdentifierSchema),
  certifications: z.array(CertificationSchema),
  screenings: z.array(ScreeningSchema),
  statusHistory: z.array(StatusHistorySchema),
  suppliers: z.array(PartnerRefSchema),
  customers: z.array(PartnerRefSchema),
  lanes: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type PartnerDetail = z.infer<typeof PartnerDetailSchema>;

export const PartnerListSchema = z.object({
  items: z.array(PartnerSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

/** 200 of the supplier routes: the partner's suppliers and customers after the change. */
export const RelationsSchema = z.object({ suppliers: z.array(PartnerRefSchema), customers: z.array(PartnerRefSchema) });
export type Relations = z.infer<typeof RelationsSchema>;
