import { z } from "zod";

/** Kinds of facility a tenant operates. */
export const SITE_KINDS = [
  "office",
  "warehouse",
  "distribution-center",
  "factory",
  "yard",
  "port-terminal",
  "border-crossing-point",
  "cross-dock",
  "other",
] as const;
export const SiteKindSchema = z.enum(SITE_KINDS);
export type SiteKind = z.infer<typeof SiteKindSchema>;
