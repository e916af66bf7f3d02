import { z } from "zod";
import { DateString, longText, PageQuery, QueryBool, text } from "../../http/schemas.ts";

/** What a piece of evidence is. */
export const EVIDENCE_CATEGORIES = ["document", "photo", "certificate", "training", "inspection", "other"] as const;
export const EvidenceCategorySchema = z.enum(EVIDENCE_CATEGORIES);

/** Expiry status, computed from expiresOn and remindDays against today. */
export const EVIDENCE_STATUSES = ["valid", "expiring", "expired", "no-expiry"] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** What evidence can be linked to. */
export const LINK_TARGET_TYPES = ["criterion", "procedure"] as const;
export type LinkTargetType = (typeof LINK_TARGET_TYPES)[number];

const RemindDays = z.number().int().min(0).max(365);
// Multipart fields are strings; a number arrives as its digits.
const RemindDaysField = z
  .string()
  .regex(/^\d{1,3}$/, "must be a whole number of days")
  .transform(Number)
  .pipe(RemindDays);
const CriterionIdList = text(2000).transform((s) =>
  s
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0),
);

/** Text fields of POST /api/evidence (multipart, next to `file`). Empty fields count as absent. */
export const CreateEvidenceFields = z.strictObject({
  title: text(200),
  description: longText(4000).optional(),
  category: EvidenceCategorySchema.optional(),
  effectiveOn: DateString.optional(),
  expiresOn: DateString.optional(),
  remindDays: RemindDaysField.optional(),
  criterionIds: CriterionIdList.optional(),
});
export type CreateEvidenceInput = z.infer<typeof CreateEvidenceFields>;

/** Text fields of POST /api/evidence/{id}/versions (multipart, next to `file`). */
export const NewVersionFields = z.strictObject({ note: longText(1000).optional() });
export type NewVersionInput = z.infer<typeof NewVersionFields>;

/** Body of PATCH /api/evidence/{id}. */
export const UpdateEvidenceBody = z.strictObject({
  title: text(200).optional(),
  description: longText(4000).nullable().optional(),
  category: EvidenceCategorySchema.optional(),
  effectiveOn: DateString.nullable().optional(),
  expiresOn: DateString.nullable().optional(),
  remindDays: RemindDays.optional(),
});
export type UpdateEvidenceInput = z.infer<typeof UpdateEvidenceBody>;

/** Body of POST /api/evidence/{id}/links and /unlink. */
export const LinkBody = z.strictObject({
  targetType: z.enum(LINK_TARGET_TYPES),
  targetId: text(100),
});
export type LinkInput = z.infer<typeof LinkBody>;

/** Query of GET /api/evidence. */
export const ListEvidenceQuery = z.strictObject({
  q: text(200, 0).optional(),
  category: EvidenceCategorySchema.optional(),
  criterionId: text(20, 0).optional(),
  status: z.enum(EVIDENCE_STATUSES).optional(),
  archived: QueryBool.optional(),
  ...PageQuery,
});
export type ListEvidenceQueryInput = z.infer<typeof ListEvidenceQuery>;

/** Query of GET /api/evidence/{id}/download. */
export const DownloadQuery = z.strictObject({
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

const Person = z.object({ id: z.string(), displayName: z.string() }).nullable();

/** One stored version of a piece of evidence. */
export const EvidenceVersionSchema = z.object({
  version: z.number(),
  sha256: z.string(),
  sizeBytes: z.number(),
  mediaType: z.string(),
  filename: z.string(),
  uploadedAt: z.string(),
  uploadedBy: Person,
  note: z.string().nullable(),
});
export type EvidenceVersion = z.infer<typeof EvidenceVersionSchema>;

/** A piece of evidence as the API returns it (EvidenceView in the contract). */
export const EvidenceViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  category: z.string(),
  currentVersion: z.number(),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  remindDays: z.number(),
  status: z.enum(EVIDENCE_STATUSES),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  linkCount: z.number(),
  latest: EvidenceVersionSchema,
});
export type EvidenceView = z.infer<typeof EvidenceViewSchema>;

/** One link of a piece of evidence, with a label to show. */
export const EvidenceLinkSchema = z.object({ targetType: z.string(), targetId: z.string(), label: z.string() });
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

/** GET /api/evidence/{id}: the view with every version (newest first) and every link. */
export const EvidenceDetailSchema = EvidenceViewSchema.extend({
  versions: z.array(EvidenceVersionSchema),
  links: z.array(EvidenceLinkSchema),
});
export type EvidenceDetail = z.infer<typeof EvidenceDetailSchema>;

/** GET /api/evidence: one page of evidence. */
export const EvidenceListSchema = z.object({
  items: z.array(EvidenceViewSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

/** One stored file that does not match what the database recorded, with every version that points at it. */
export const VaultProblemSchema = z.object({
  sha256: z.string(),
  state: z.enum(["missing", "damaged"]),
  versions: z.array(z.object({ evidenceId: z.string(), title: z.string(), version: z.number().int(), filename: z.string() })),
});

/** POST /api/evidence/verify: every stored file of the company re-read and re-hashed. */
export const VaultCheckSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  files: z.number().int(),
  versions: z.number().int(),
  bytes: z.number().int(),
  problems: z.array(VaultProblemSchema),
});
export type VaultCheck = z.infer<typeof VaultCheckSchema>;
