import { SiteKindSchema } from "@portcullis/domain";
import { z } from "zod";
import { PageQuery, QueryBool, text } from "../../http/schemas.ts";
import { SiteInputFields, SiteViewFields } from "./sites.fields.ts";

/** Body of POST /api/sites. */
export const CreateSiteBody = z.strictObject(SiteInputFields);
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
export const SiteSchema = z.object({ id: z.string(), ...SiteViewFields });
export type Site = z.infer<typeof SiteSchema>;

export const SiteListSchema = z.object({
  items: z.array(SiteSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});
