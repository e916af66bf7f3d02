import { FocusAreaIdSchema, RequirementLevelSchema } from "@portcullis/domain";
import { z } from "zod";
import { PageQuery, QueryBool, text } from "../../http/schemas.ts";
import { PersonSchema, ProfileStatusSchema } from "../security-profile/security-profile.schema.ts";
import { RELATIONS } from "./frameworks.import.ts";

export const RelationSchema = z.enum(RELATIONS);

/** The text fields of POST /api/frameworks/import (multipart); empty fields count as absent. */
export const ImportFields = z.strictObject({
  name: text(200).optional(),
  version: text(50, 0).optional(),
  dryRun: z.enum(["true", "false"]).default("false"),
});
export type ImportFieldsInput = z.infer<typeof ImportFields>;

/** Query of GET /api/frameworks. */
export const ListFrameworksQuery = z.strictObject({
  includeArchived: QueryBool.optional(),
  ...PageQuery,
});
export type ListFrameworksQueryInput = z.infer<typeof ListFrameworksQuery>;

/** Body of PATCH /api/frameworks/{id}/controls: the company's own assessment of one control. */
export const AssessControlBody = z.strictObject({
  ref: text(64),
  status: ProfileStatusSchema,
});
export type AssessControlInput = z.infer<typeof AssessControlBody>;

const MappingSchema = z.object({ criterionId: z.string(), relation: RelationSchema });

/** A framework as the API returns it. */
export const FrameworkSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  description: z.string().nullable(),
  sourceFilename: z.string().nullable(),
  controlCount: z.number(),
  mappingCount: z.number(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: PersonSchema,
});
export type Framework = z.infer<typeof FrameworkSchema>;

/** One control of a framework with its MSC mappings and the company's own assessment. */
export const ControlSchema = z.object({
  ref: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: ProfileStatusSchema,
  position: z.number(),
  mappings: z.array(MappingSchema),
});
export type Control = z.infer<typeof ControlSchema>;

export const FrameworkDetailSchema = FrameworkSchema.extend({ controls: z.array(ControlSchema) });
export type FrameworkDetail = z.infer<typeof FrameworkDetailSchema>;

export const FrameworkListSchema = z.object({
  items: z.array(FrameworkSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

/** Answer of a dry run: what a commit would save (counts) and the first controls as read. */
export const ImportPreviewSchema = z.object({
  name: z.string(),
  version: z.string(),
  description: z.string().nullable(),
  format: z.enum(["csv", "xlsx", "yaml"]),
  controls: z.number(),
  mappings: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  sample: z.array(
    z.object({ row: z.number(), ref: z.string(), title: z.string(), description: z.string().nullable(), mappings: z.array(MappingSchema) }),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

const CountsShape = {
  total: z.number(),
  implemented: z.number(),
  partial: z.number(),
  not_implemented: z.number(),
  not_applicable: z.number(),
  not_assessed: z.number(),
};

/** GET /api/frameworks/{id}/coverage: draft statuses derived both ways, and their counts. */
export const CoverageSchema = z.object({
  framework: z.object({ id: z.string(), name: z.string(), version: z.string() }),
  controls: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      status: ProfileStatusSchema,
      derivedStatus: ProfileStatusSchema,
      mappings: z.array(
        MappingSchema.extend({
          /** Null when the criterion does not apply to the company's entity types (not in its profile). */
          level: RequirementLevelSchema.nullable(),
          profileStatus: ProfileStatusSchema.nullable(),
        }),
      ),
    }),
  ),
  criteria: z.array(
    z.object({
      criterionId: z.string(),
      categoryId: z.number(),
      focusAreaId: FocusAreaIdSchema,
      level: RequirementLevelSchema,
      profileStatus: ProfileStatusSchema,
      derivedStatus: ProfileStatusSchema,
      controls: z.array(z.object({ ref: z.string(), relation: RelationSchema, status: ProfileStatusSchema })),
    }),
  ),
  summary: z.object({
    controls: z.object({ ...CountsShape, unmapped: z.number() }),
    criteria: z.object({ ...CountsShape, uncovered: z.number() }),
  }),
});
export type Coverage = z.infer<typeof CoverageSchema>;
