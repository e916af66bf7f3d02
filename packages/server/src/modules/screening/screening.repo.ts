/**
 * Queries of denied-party screening. Partners are read straight from the `partners` table (this module needs only
 * their names, address, country and status) and a confirmed match suspends one here, with its history row.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Tx } from "../../db/tx.ts";
import type { ListListsQueryInput, ListMatchesQueryInput } from "./screening.schema.ts";

/** Rows per multi-row INSERT: ~11 parameters each, far below PostgreSQL's 65,535. */
const BATCH = 1000;

/** A new entry, ready to insert. */
export interface NewEntry {
  externalId: string | null;
  name: string;
  altNames: string[];
  normalized: string;
  addresses: string[];
  countryCodes: string[];
  programs: string[];
  remarks: string | null;
}

/** Insert a list and all its entries (in batches), returning the entries' ids in order. */
export async function insertList(
  tx: Tx,
  list: { id: string; tenantId: string; name: string; source: string; format: string; filename: string | null; sha256: string },
  entries: NewEntry[],
  importedBy: string | null,
): Promise<string[]> {
  await tx
    .insertInto("screening_lists")
    .values({
      id: list.id,
      tenant_id: list.tenantId,
      name: list.name,
      source: list.source,
      format: list.format,
      filename: list.filename,
      sha256: list.sha256,
      entry_count: entries.length,
      imported_by: importedBy,
    })
    .execute();
  const ids = entries.map(() => randomUUID());
  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH);
    await tx
      .insertInto("screening_entries")
      .values(
        batch.map((e, k) => ({
          id: ids[start + k] as string,
          tenant_id: list.tenantId,
          list_id: list.id,
          external_id: e.externalId,
          name: e.name,
          alt_names: e.altNames,
          normalized: e.normalized,
          addresses: e.addresses,
          country_codes: e.countryCodes,
          programs: e.programs,
          remarks: e.remarks,
        })),
      )
      .execute();
  }
  return ids;
}

function listQuery(tx: Tx, tenantId: string) {
  return tx.selectFrom("screening_lists as l").where("l.tenant_id", "=", tenantId);
}

function selectList(q: ReturnType<typeof listQuery>) {
  return q
    .leftJoin("users as u", "u.id", "l.imported_by")
    .select(["l.id", "l.name", "l.source", "l.format", "l.filename", "l.sha256", "l.entry_count", "l.imported_by", "l.imported_at"])
    .select("u.display_name as imported_by_name");
}

/** A list row joined with its importer's name. */
export type ListRow = Awaited<ReturnType<ReturnType<typeof selectList>["execute"]>>[number];

/** One list of the tenant with its importer's name. */
export function findList(tx: Tx, tenantId: string, id: string): Promise<ListRow | undefined> {
  return selectList(listQuery(tx, tenantId).where("l.id", "=", id)).executeTakeFirst();
}

/** Page through the tenant's lists, newest first. */
export async function pageLists(tx: Tx, tenantId: string, query: ListListsQueryInput): Promise<{ rows: ListRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    selectList(listQuery(tx, tenantId)).orderBy("l.imported_at", "desc").orderBy("l.id").limit(query.limit).offset(query.offset).execute(),
    listQuery(tx, tenantId)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Entries to screen against: one list's, or all of the tenant's. */
export function entriesForMatching(tx: Tx, tenantId: string, listId?: string) {
  let q = tx.selectFrom("screening_entries").select(["id", "normalized", "addresses", "country_codes"]).where("tenant_id", "=", tenantId);
  if (listId) q = q.where("list_id", "=", listId);
  return q.execute();
}

/** Partners that are screened: not archived, not terminated (one of them when `partnerId` is given). */
export function activePartners(tx: Tx, tenantId: string, partnerId?: string) {
  let q = tx
    .selectFrom("partners")
    .select(["id", "name", "legal_name", "address", "country_code"])
    .where("tenant_id", "=", tenantId)
    .where("archived_at", "is", null)
    .where("status", "<>", "terminated");
  if (partnerId) q = q.where("id", "=", partnerId);
  return q.orderBy("id").execute();
}

/** Partner + entry name pairs a person has already called a false positive (they never alert again, on any list). */
export async function dismissedPairs(tx: Tx, tenantId: string): Promise<Set<string>> {
  const rows = await tx
    .selectFrom("screening_matches as m")
    .innerJoin("screening_entries as e", "e.id", "m.entry_id")
    .select(["m.partner_id", "e.normalized"])
    .where("m.tenant_id", "=", tenantId)
    .where("m.status", "=", "false-positive")
    .execute();
  return new Set(rows.map((r) => pairKey(r.partner_id, r.normalized)));
}

/** The key of a partner and an entry's primary normalized name. */
export const pairKey = (partnerId: string, normalized: string) => `${partnerId}\n${normalized.split("\n")[0]}`;

/** Record matches; a pair already recorded is left alone. Returns the ids of the rows actually inserted. */
export async function insertMatches(
  tx: Tx,
  tenantId: string,
  matches: { partnerId: string; entryId: string; score: number; matchedOn: string }[],
): Promise<string[]> {
  const inserted: string[] = [];
  for (let start = 0; start < matches.length; start += BATCH) {
    const rows = await tx
      .insertInto("screening_matches")
      .values(
        matches.slice(start, start + BATCH).map((m) => ({
          id: randomUUID(),
          tenant_id: tenantId,
          partner_id: m.partnerId,
          entry_id: m.entryId,
          score: m.score,
          matched_on: m.matchedOn,
        })),
      )
      .onConflict((oc) => oc.columns(["tenant_id", "partner_id", "entry_id"]).doNothing())
      .returning("id")
      .execute();
    inserted.push(...rows.map((r) => r.id));
  }
  return inserted;
}

function matchQuery(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("screening_matches as m")
    .innerJoin("partners as p", "p.id", "m.partner_id")
    .innerJoin("screening_entries as e", "e.id", "m.entry_id")
    .innerJoin("screening_lists as l", "l.id", "e.list_id")
    .where("m.tenant_id", "=", tenantId);
}

type MatchQuery = ReturnType<typeof matchQuery>;

function selectMatch(q: MatchQuery) {
  return q
    .leftJoin("users as u", "u.id", "m.decided_by")
    .select(["m.id", "m.score", "m.matched_on", "m.status", "m.note", "m.decided_by", "m.decided_at", "m.created_at"])
    .select(["p.id as partner_id", "p.name as partner_name", "p.status as partner_status", "p.country_code as partner_country"])
    .select(["e.id as entry_id", "e.external_id", "e.name as entry_name", "e.alt_names", "e.programs", "e.country_codes", "e.addresses"])
    .select(["e.remarks", "l.id as list_id", "l.name as list_name", "l.source as list_source", "u.display_name as decided_by_name"]);
}

/** A match joined with its partner, entry, list and decider. */
export type MatchRow = Awaited<ReturnType<ReturnType<typeof selectMatch>["execute"]>>[number];

/** Page through matches: open first, then by score and newest. */
export async function pageMatches(tx: Tx, tenantId: string, query: ListMatchesQueryInput): Promise<{ rows: MatchRow[]; total: number }> {
  let base = matchQuery(tx, tenantId);
  if (query.status) base = base.where("m.status", "=", query.status);
  if (query.partnerId) base = base.where("m.partner_id", "=", query.partnerId);
  const [rows, count] = await Promise.all([
    selectMatch(base)
      .orderBy(sql`m.status = 'open'`, "desc")
      .orderBy("m.created_at", "desc")
      .orderBy("m.score", "desc")
      .orderBy("m.id")
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Matches by id (the ones a run just recorded), best score first. */
export async function matchesByIds(tx: Tx, tenantId: string, ids: string[]): Promise<MatchRow[]> {
  const rows: MatchRow[] = [];
  for (let start = 0; start < ids.length; start += BATCH) {
    rows.push(...(await selectMatch(matchQuery(tx, tenantId).where("m.id", "in", ids.slice(start, start + BATCH))).execute()));
  }
  return rows.sort((a, b) => b.score - a.score || a.partner_name.localeCompare(b.partner_name) || a.id.localeCompare(b.id));
}

/** One match, locked with its partner row for a decision. */
export async function lockMatch(tx: Tx, tenantId: string, id: string): Promise<MatchRow | undefined> {
  return selectMatch(matchQuery(tx, tenantId).where("m.id", "=", id))
    .forUpdate(["m", "p"])
    .executeTakeFirst();
}

/** Record a decision on a match. */
export async function decideMatchRow(
  tx: Tx,
  tenantId: string,
  id: string,
  decision: { status: string; note: string; decidedBy: string | null },
): Promise<void> {
  await tx
    .updateTable("screening_matches")
    .set({ status: decision.status, note: decision.note, decided_by: decision.decidedBy, decided_at: new Date() })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

/** Move a partner to another status and keep the move in its history. */
export async function movePartner(
  tx: Tx,
  move: { tenantId: string; partnerId: string; from: string; to: string; reason: string; actorId: string | null },
): Promise<void> {
  await tx
    .updateTable("partners")
    .set({ status: move.to, updated_at: new Date() })
    .where("tenant_id", "=", move.tenantId)
    .where("id", "=", move.partnerId)
    .execute();
  await tx
    .insertInto("partner_status_history")
    .values({
      id: randomUUID(),
      tenant_id: move.tenantId,
      partner_id: move.partnerId,
      from_status: move.from,
      to_status: move.to,
      reason: move.reason,
      actor_id: move.actorId,
    })
    .execute();
}
