import { z } from "zod";
import { PageQuery, text } from "../../http/schemas.ts";
import { PersonSchema } from "../security-profile/security-profile.schema.ts";
import { LIST_SOURCES } from "./screening.parse.ts";

export const MATCH_STATUSES = ["open", "false-positive", "confirmed"] as const;
export const MATCH_DECISIONS = ["false-positive", "confirmed"] as const;

/** Text fields of POST /api/screening/lists (multipart; the file is the `file` part). */
export const ImportListFields = z.strictObject({
  name: text(200),
  source: z.enum(LIST_SOURCES),
});

/** Body of POST /api/screening/run. */
export const RunBody = z.strictObject({ partnerId: z.string().max(100).optional() });
export type RunInput = z.infer<typeof RunBody>;

/** Query of GET /api/screening/lists. */
export const ListListsQuery = z.strictObject({ ...PageQuery });
export type ListListsQueryInput = z.infer<typeof ListListsQuery>;

/** Query of GET /api/screening/matches. */
export const ListMatchesQuery = z.strictObject({
  status: z.enum(MATCH_STATUSES).optional(),
  partnerId: z.string().max(100).optional(),
  ...PageQuery,
});
export type ListMatchesQueryInput = z.infer<typeof ListMatchesQuery>;

/** Body of POST /api/screening/matches/{id}/decision. */
export const DecisionBody = z.strictObject({
  decision: z.enum(MATCH_DECISIONS),
  note: text(2000),
});
export type DecisionInput = z.infer<typeof DecisionBody>;

/** An imported list. */
export const ScreeningListSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(LIST_SOURCES),
  format: z.enum(["csv", "xml"]),
  filename: z.string().nullable(),
  sha256: z.string(),
  entryCount: z.number(),
  importedBy: PersonSchema,
  importedAt: z.string(),
});
export type ScreeningList = z.infer<typeof ScreeningListSchema>;

export const ScreeningListPageSchema = z.object({
  items: z.array(ScreeningListSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

/** A possible match between a partner and a list entry. */
export const ScreeningMatchSchema = z.object({
  id: z.string(),
  score: z.number(),
  /** What matched: the entry's primary name or an alias, plus "address" when the address agreed too. */
  matchedOn: z.array(z.enum(["name", "alias", "address"])),
  status: z.enum(MATCH_STATUSES),
  note: z.string().nullable(),
  decidedBy: PersonSchema,
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  partner: z.object({ id: z.string(), name: z.string(), status: z.string(), countryCode: z.string() }),
  entry: z.object({
    id: z.string(),
    externalId: z.string().nullable(),
    name: z.string(),
    altNames: z.array(z.string()),
    programs: z.array(z.string()),
    countryCodes: z.array(z.string()),
    addresses: z.array(z.string()),
    remarks: z.string().nullable(),
    list: z.object({ id: z.string(), name: z.string(), source: z.string() }),
  }),
});
export type ScreeningMatch = z.infer<typeof ScreeningMatchSchema>;

export const ScreeningMatchPageSchema = z.object({
  items: z.array(ScreeningMatchSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

/** What a screening run did: partners screened and the matches it recorded (pairs already known are not repeated). */
export const ScreeningRunSchema = z.object({
  screened: z.number(),
  matches: z.array(ScreeningMatchSchema),
});
export type ScreeningRun = z.infer<typeof ScreeningRunSchema>;

/** POST /api/screening/lists: the list, then the rescreen of every active partner against it. */
export const ImportResultSchema = ScreeningRunSchema.extend({ list: ScreeningListSchema });
export type ImportResult = z.infer<typeof ImportResultSchema>;
