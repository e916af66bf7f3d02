/**
 * Demo data: a small, clearly fictitious denied-party list. One entry is built from a partner already in the table
 * (a Shenzhen or electronics supplier if there is one) with its spelling slightly changed, so the demo opens with
 * one open match to decide. The other entries are invented names that match nobody.
 */
import { createHash } from "node:crypto";
import { Kysely } from "kysely";
import type { Actor } from "../../audit/audit.service.ts";
import type { Db } from "../../db/open.ts";
import type { Database } from "../../db/schema.ts";
import { withScope } from "../../db/tx.ts";
import { MATCH_THRESHOLD, nameScore } from "./screening.match.ts";
import { normalizeName } from "./screening.normalize.ts";
import type { ImportResult } from "./screening.schema.ts";
import { importScreeningList } from "./screening.service.ts";

/** The name the demo list is imported under. */
export const DEMO_LIST_NAME = "DEMO — fictitious denied-party list (not an official list)";

const DEMO_REMARK = "DEMO ENTRY: invented for the Portcullis demo; not a real listed party";

// Invented parties; none resembles a real company or person.
const FICTITIOUS: { name: string; altNames: string; address: string; programs: string }[] = [
  {
    name: "Zorblatt Demo Dynamics Ltd.",
    altNames: "ZDD Holdings",
    address: "Unit 9 Make-Believe Plaza, Hong Kong, , , HK",
    programs: "DEMO-1",
  },
  { name: "Quuxbridge Phantom Shipping LLC", altNames: "", address: "1 Nowhere Pier, Atlantis Bay, , , PA", programs: "DEMO-2" },
  { name: "PLACEHOLDER, Johnny Example", altNames: "EXAMPLE, Johnny", address: "", programs: "DEMO-1; DEMO-3" },
  { name: "Fakeland Imaginary Metals FZE", altNames: "", address: "Free Zone 0, Fakeland, , , AE", programs: "DEMO-3" },
];

/** A near-miss spelling of `name`: its longest word with one inner letter dropped, in capitals, another company form. */
export function nearMatchOf(name: string): string {
  const words = normalizeName(name).split(" ").filter(Boolean);
  const longest = words.reduce((best, w, k) => (w.length > (words[best] ?? "").length ? k : best), 0);
  const variant = words.map((w, k) => (k === longest && w.length >= 6 ? w.slice(0, w.length - 3) + w.slice(w.length - 2) : w));
  const candidate = `${variant.join(" ").toUpperCase()} COMPANY LIMITED`;
  // A very short name cannot lose a letter and still match: then the same words, in another form.
  return nameScore(name, candidate) >= MATCH_THRESHOLD ? candidate : `${words.join(" ").toUpperCase()} LIMITED`;
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Import the demo list for a company and screen its partners against it (same path as an upload). Returns what the
 * import returned: the list, the partners screened and the matches (one, when the company has any active partner).
 */
export async function seedScreeningDemo(options: { db: Db | Kysely<Database>; tenantId: string; actor: Actor }): Promise<ImportResult> {
  const db = options.db instanceof Kysely ? options.db : options.db.kysely;
  const { tenantId, actor } = options;
  const partners = await withScope(db, { tenantId, userId: actor.id }, (tx) =>
    tx
      .selectFrom("partners")
      .select(["name", "country_code"])
      .where("tenant_id", "=", tenantId)
      .where("archived_at", "is", null)
      .where("status", "<>", "terminated")
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  );
  const target = partners.find((p) => /shenzhen|electronic/i.test(p.name)) ?? partners[0];
  const rows = FICTITIOUS.map((e) => [e.name, e.altNames, e.address, e.programs]);
  if (target) rows.unshift([nearMatchOf(target.name), "", "", "DEMO-1"]);
  const csv = [
    "name,alt_names,addresses,programs,source,remarks",
    ...rows.map((r) => [...r, "Portcullis demo list", DEMO_REMARK].map(csvCell).join(",")),
  ].join("\n");
  const data = Buffer.from(`${csv}\n`, "utf8");
  return importScreeningList({
    ctx: { db, tenantId, actor, userId: actor.id, requestId: null },
    name: DEMO_LIST_NAME,
    source: "csl",
    file: { data, filename: "demo-denied-parties.csv", sha256: createHash("sha256").update(data).digest("hex") },
  });
}
