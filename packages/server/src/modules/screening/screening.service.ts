import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { canMovePartner, type PartnerStatus } from "@portcullis/domain";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError, notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isUuid } from "../../http/schemas.ts";
import type { ReceivedUpload } from "../../http/upload.ts";
import { buildMatcher, type MatchEntry } from "./screening.match.ts";
import { normalizeEntryNames } from "./screening.normalize.ts";
import { type ListSource, parseListFile } from "./screening.parse.ts";
import { presentList, presentMatch } from "./screening.present.ts";
import {
  activePartners,
  decideMatchRow,
  dismissedPairs,
  entriesForMatching,
  findList,
  insertList,
  insertMatches,
  lockMatch,
  matchesByIds,
  movePartner,
  type NewEntry,
  pageLists,
  pageMatches,
  pairKey,
} from "./screening.repo.ts";
import {
  type DecisionInput,
  ImportListFields,
  type ImportResult,
  type ListListsQueryInput,
  type ListMatchesQueryInput,
  type RunInput,
  type ScreeningMatch,
  type ScreeningRun,
} from "./screening.schema.ts";

const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/** A list file already in memory (an upload, or a list built by the demo). */
export interface ListFile {
  data: Buffer;
  filename: string | null;
  sha256: string;
}

/** POST /api/screening/lists: read the multipart upload, then {@link importScreeningList}. */
export async function importUploadedList(options: { ctx: TenantCtx; upload: ReceivedUpload }): Promise<ImportResult> {
  const { ctx, upload } = options;
  const fields = ImportListFields.safeParse(upload.fields);
  if (!fields.success) {
    throw new AppError("validation_failed", "The form fields are not valid", {
      issues: fields.error.issues.map((i) => ({ path: ["body", ...i.path.map(String)], message: i.message })),
    });
  }
  if (!upload.file) {
    throw new AppError("validation_failed", 'Send the list file in the "file" field', {
      issues: [{ path: ["body", "file"], message: "required" }],
    });
  }
  const data = await fs.promises.readFile(upload.file.tmpPath);
  return importScreeningList({
    ctx,
    name: fields.data.name,
    source: fields.data.source,
    file: { data, filename: upload.file.filename, sha256: upload.file.sha256 },
  });
}

/**
 * Import a list file and rescreen every active partner against it, in ONE transaction: the list, its entries (multi-row
 * inserts), the matches found and one audit event commit together, or nothing is left behind.
 */
export async function importScreeningList(options: {
  ctx: TenantCtx;
  name: string;
  source: ListSource;
  file: ListFile;
}): Promise<ImportResult> {
  const { ctx, name, source, file } = options;
  const parsed = parseListFile({ data: file.data, source });
  const entries: NewEntry[] = parsed.entries.map((e) => ({ ...e, normalized: normalizeEntryNames(e.name, e.altNames) }));
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const listId = randomUUID();
    const ids = await insertList(
      tx,
      { id: listId, tenantId: ctx.tenantId, name, source, format: parsed.format, filename: file.filename, sha256: file.sha256 },
      entries,
      ctx.userId,
    );
    const forMatching = entries.map((e, k) => ({
      id: ids[k] as string,
      normalized: e.normalized,
      addresses: e.addresses,
      countryCodes: e.countryCodes,
    }));
    const run = await screenPartners(tx, ctx, forMatching);
    const listRow = await findList(tx, ctx.tenantId, listId);
    if (!listRow) throw new Error("the list just inserted is missing");
    const list = presentList(listRow);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "screening.list.import",
      entityType: "screening_list",
      entityId: listId,
      after: { ...list, importedBy: undefined, screened: run.screened, matchIds: run.matches.map((m) => m.id) },
      requestId: ctx.requestId,
    });
    return { list, ...run };
  });
}

/**
 * Screen the active partners (or one) against `entries` and record new matches: a pair already recorded is not
 * repeated, and a partner whose pair with the same entry name was called a false positive is not alerted again.
 */
async function screenPartners(tx: Tx, ctx: TenantCtx, entries: MatchEntry[], partnerId?: string): Promise<ScreeningRun> {
  const partners = await activePartners(tx, ctx.tenantId, partnerId);
  if (entries.length === 0 || partners.length === 0) return { screened: partners.length, matches: [] };
  const matcher = buildMatcher(entries);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const dismissed = await dismissedPairs(tx, ctx.tenantId);
  const found: { partnerId: string; entryId: string; score: number; matchedOn: string }[] = [];
  for (const p of partners) {
    const names = p.legal_name ? [p.name, p.legal_name] : [p.name];
    for (const hit of matcher.screen({ names, address: p.address, countryCode: p.country_code })) {
      const entry = byId.get(hit.entryId) as MatchEntry;
      if (dismissed.has(pairKey(p.id, entry.normalized))) continue;
      found.push({ partnerId: p.id, entryId: hit.entryId, score: hit.score, matchedOn: hit.matchedOn.join(",") });
    }
  }
  const ids = await insertMatches(tx, ctx.tenantId, found);
  return { screened: partners.length, matches: (await matchesByIds(tx, ctx.tenantId, ids)).map(presentMatch) };
}

/** POST /api/screening/run: rescreen one partner or all active partners against every imported list. */
export async function runScreening(options: { ctx: TenantCtx; input: RunInput }): Promise<ScreeningRun> {
  const { ctx, input } = options;
  const { partnerId } = input;
  if (partnerId !== undefined && !isUuid(partnerId)) throw notFound("Partner");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    if (partnerId !== undefined) await checkScreenable(tx, ctx.tenantId, partnerId);
    const entries = (await entriesForMatching(tx, ctx.tenantId)).map((e) => ({
      id: e.id,
      normalized: e.normalized,
      addresses: e.addresses,
      countryCodes: e.country_codes,
    }));
    const run = await screenPartners(tx, ctx, entries, partnerId);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "screening.run",
      entityType: partnerId ? "partner" : "screening",
      entityId: partnerId ?? null,
      after: { partnerId: partnerId ?? null, entries: entries.length, screened: run.screened, matchIds: run.matches.map((m) => m.id) },
      requestId: ctx.requestId,
    });
    return run;
  });
}

async function checkScreenable(tx: Tx, tenantId: string, partnerId: string): Promise<void> {
  const partner = await tx
    .selectFrom("partners")
    .select(["status", "archived_at"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", partnerId)
    .executeTakeFirst();
  if (!partner) throw notFound("Partner");
  if (partner.archived_at || partner.status === "terminated") {
    throw new AppError("rule_violation", "Archived and terminated partners are not screened");
  }
}

/** GET /api/screening/lists. */
export async function listScreeningLists(options: { ctx: TenantCtx; query: ListListsQueryInput }) {
  const { ctx, query } = options;
  const { rows, total } = await withScope(ctx.db, scopeOf(ctx), (tx) => pageLists(tx, ctx.tenantId, query));
  return { items: rows.map(presentList), total, limit: query.limit, offset: query.offset };
}

/** GET /api/screening/matches. A partner id that is not one of ours simply has no matches. */
export async function listScreeningMatches(options: { ctx: TenantCtx; query: ListMatchesQueryInput }) {
  const { ctx, query } = options;
  if (query.partnerId !== undefined && !isUuid(query.partnerId)) {
    return { items: [], total: 0, limit: query.limit, offset: query.offset };
  }
  const { rows, total } = await withScope(ctx.db, scopeOf(ctx), (tx) => pageMatches(tx, ctx.tenantId, query));
  return { items: rows.map(presentMatch), total, limit: query.limit, offset: query.offset };
}

/**
 * POST /api/screening/matches/{id}/decision. An open match becomes a false positive or confirmed; a false positive may
 * later be confirmed; a confirmed match is final. Confirming suspends an approved partner (with its history row).
 */
export async function decideScreeningMatch(options: { ctx: TenantCtx; id: string; input: DecisionInput }): Promise<ScreeningMatch> {
  const { ctx, id, input } = options;
  if (!isUuid(id)) throw notFound("Match");
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const row = await lockMatch(tx, ctx.tenantId, id);
    if (!row) throw notFound("Match");
    if (row.status === "confirmed" || row.status === input.decision) {
      throw new AppError("rule_violation", `The match is already ${row.status === "confirmed" ? "confirmed" : "a false positive"}`, {
        status: row.status,
      });
    }
    await decideMatchRow(tx, ctx.tenantId, id, { status: input.decision, note: input.note, decidedBy: ctx.userId });
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "screening.match.decide",
      entityType: "screening_match",
      entityId: id,
      before: { status: row.status, note: row.note },
      after: { status: input.decision, note: input.note, partnerId: row.partner_id, entryId: row.entry_id },
      requestId: ctx.requestId,
    });
    const from = row.partner_status as PartnerStatus;
    if (input.decision === "confirmed" && from === "approved" && canMovePartner(from, "suspended")) {
      const reason = `Confirmed denied-party match: ${row.entry_name} (${row.list_name})`.slice(0, 1000);
      await movePartner(tx, { tenantId: ctx.tenantId, partnerId: row.partner_id, from, to: "suspended", reason, actorId: ctx.userId });
      await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        actor: ctx.actor,
        action: "partner.status",
        entityType: "partner",
        entityId: row.partner_id,
        before: { status: from },
        after: { status: "suspended", reason, matchId: id },
        requestId: ctx.requestId,
      });
    }
    const updated = await lockMatch(tx, ctx.tenantId, id);
    if (!updated) throw new Error("the match just decided is missing");
    return presentMatch(updated);
  });
}
