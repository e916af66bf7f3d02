import { CountryCodeSchema, SiteKindSchema } from "@portcullis/domain";
import { z } from "zod";
import { longText, PageQuery, QueryBool, text } from "../../http/schemas.ts";

const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);

/** Body of POST /api/sites. */
export const CreateSiteBody = z.strictObject({
  name: text(200),
  kind: SiteKindSchema,
  countryCode: CountryCodeSchema,
  address: longText(1000).nullish(),
  latitude: Latitude.nullish(),
  longitude: Longitude.nullish(),
});
export type CreateSiteInput = z.infer<typeof CreateSiteBody>;

/** Body of PATCH /api/sites/{id}: any subset of the create fields. */
export const UpdateSiteBody = CreateSiteBody.partial();
export type UpdateSiteInput = z.infer<typeof UpdateSiteBody>;

/** Query of GET /api/sites. */
export const ListSitesQuery = z.strictObject({
  q: text(200, 0).optional(),
  kind: SiteKindSchema.optional(),
  countryCode: text(2, 0).optional(),
  includeArchived: QueryBool.optional(),
  ...PageQuery,
});
export type ListSitesQueryInput = z.infer<typeof ListSitesQuery>;

/** A site as the API returns it. */
export const SiteSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  countryCode: z.string(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Site = z.infer<typeof SiteSchema>;

export const SiteListSchema = z.object({
  items: z.array(SiteSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});
