import { CountryCodeSchema, CtpatStatusSchema, CtpatTierSchema, EntityTypeSchema } from "@portcullis/domain";
import { z } from "zod";
import { DateString, text } from "../../http/schemas.ts";

const EntityTypes = z
  .array(EntityTypeSchema)
  .min(1)
  .max(12)
  .refine((a) => new Set(a).size === a.length, "must not repeat an entity type");

/** The CTPAT profile fields a company can edit. */
export const TenantProfileBody = z.strictObject({
  legalName: text(300),
  entityTypes: EntityTypes,
  ctpatAccountNumber: text(50).nullish(),
  ctpatStatus: CtpatStatusSchema.optional(),
  ctpatTier: CtpatTierSchema.nullish(),
  certifiedOn: DateString.nullish(),
  lastValidatedOn: DateString.nullish(),
  anniversaryDate: DateString.nullish(),
  countryCode: CountryCodeSchema.nullish(),
});
export type TenantProfileInput = z.infer<typeof TenantProfileBody>;

export const UpdateTenantBody = TenantProfileBody.partial();
export type UpdateTenantInput = z.infer<typeof UpdateTenantBody>;

export const TenantSchema = z.object({
  id: z.string(),
  legalName: z.string(),
  entityTypes: z.array(z.string()),
  ctpatAccountNumber: z.string().nullable(),
  ctpatStatus: z.string(),
  ctpatTier: z.string().nullable(),
  certifiedOn: z.string().nullable(),
  lastValidatedOn: z.string().nullable(),
  anniversaryDate: z.string().nullable(),
  countryCode: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tenant = z.infer<typeof TenantSchema>;

export const MembershipListSchema = z.object({
  items: z.array(z.object({ tenantId: z.string(), legalName: z.string(), role: z.string() })),
});
