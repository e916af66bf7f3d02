import { EntityTypeSchema, MscLangSchema } from "@portcullis/domain";
import { z } from "zod";

/** Query of GET /api/criteria/export. An empty entityType means "all entity types". */
export const CriteriaExportQuery = z.strictObject({
  format: z.enum(["xlsx", "csv", "json"]).default("xlsx"),
  entityType: z.union([EntityTypeSchema, z.literal("")]).optional(),
  lang: MscLangSchema.default("en"),
});

/** Query of GET /api/security-profile/export. */
export const ProfileExportQuery = z.strictObject({
  format: z.enum(["pdf", "xlsx"]).default("pdf"),
  lang: MscLangSchema.default("en"),
});
