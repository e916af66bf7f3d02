import { type CombinedCriterion, criteriaFor, type EntityType, EntityTypeSchema, searchCriteria } from "@portcullis/domain";
import { type Tx, withScope } from "../../db/tx.ts";
import { notFound } from "../../errors.ts";
import type { TenantCtx } from "../../http/context.ts";
import { isoDay, matchesFilter, presentItem } from "./security-profile.present.ts";
import { findTenantProfileFacts, listCriterionEvidence, listCriterionProcedures, loadItemRows } from "./security-profile.repo.ts";
import type { ListProfileQueryInput, ProfileItemDetail, ProfileItemView, ProfileList } from "./security-profile.schema.ts";

/** What {@link buildProfileItems} returns. */
export interface ProfileItems {
  entityTypes: EntityType[];
  anniversaryDate: string | null;
  items: ProfileItemView[];
}

export const scopeOf = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/** The company's entity types (unknown slugs dropped) and anniversary date. */
export async function readProfileFacts(tx: Tx, tenantId: string) {
  const tenant = await findTenantProfileFacts(tx, tenantId);
  const entityTypes = (tenant?.entity_types ?? []).flatMap((t) => {
    const parsed = EntityTypeSchema.safeParse(t);
    return parsed.success ? [parsed.data] : [];
  });
  return { entityTypes, anniversaryDate: tenant?.anniversary_date ?? null };
}

const applicableCache = new Map<string, readonly CombinedCriterion[]>();

/**
 * `criteriaFor(entityTypes, { on: today })`, remembered per set of types and day: the library is fixed for the life
 * of the process and the union costs a few hundred microseconds, on every profile read. Treat the result as read-only.
 */
export function applicableCriteria(entityTypes: readonly EntityType[], today: string): readonly CombinedCriterion[] {
  const key = `${[...entityTypes].sort().join(",")}|${today}`;
  let found = applicableCache.get(key);
  if (!found) {
    // A handful of type combinations exist per day; a full reset keeps the map small without bookkeeping.
    if (applicableCache.size >= 256) applicableCache.clear();
    found = criteriaFor(entityTypes, { on: today });
    applicableCache.set(key, found);
  }
  return found;
}

/**
 * Every criterion that applies to the company's entity types, in CBP order, merged with its saved answer
 * (no row = `not_assessed`), owner and approver names, and the live evidence and procedure counts.
 * Two statements whatever the number of criteria. `tx` must already be scoped to the tenant (`withScope`).
 * Levels are those in force on `today` (effective-date changes applied).
 */
export async function buildProfileItems(options: {
  tx: Tx;
  tenantId: string;
  today: string | Date;
  criterionId?: string;
}): Promise<ProfileItems> {
  const { tx, tenantId } = options;
  const today = isoDay(options.today);
  const facts = await readProfileFacts(tx, tenantId);
  let applicable = applicableCriteria(facts.entityTypes, today);
  if (options.criterionId !== undefined) {
    applicable = applicable.filter((c) => c.criterion.id === options.criterionId);
  }
  // Nothing applies (unknown criterion, or no entity types): no need to ask the database.
  const rows = applicable.length === 0 ? [] : await loadItemRows(tx, tenantId, options.criterionId);
  const byId = new Map(rows.map((r) => [r.criterion_id, r]));
  return { ...facts, items: applicable.map((c) => presentItem(c, byId.get(c.criterion.id), today)) };
}

/** Today's date (UTC), the day the profile's levels and review deadlines are computed for. */
export function todayIso(): string {
  return isoDay(new Date());
}

/** GET /api/security-profile: the whole profile, filtered (not paged: about a hundred rows at most). */
export async function listProfile(options: { ctx: TenantCtx; query: ListProfileQueryInput }): Promise<ProfileList> {
  const { ctx, query } = options;
  const profile = await withScope(ctx.db, scopeOf(ctx), (tx) => buildProfileItems({ tx, tenantId: ctx.tenantId, today: todayIso() }));
  const matching = query.q ? new Set(searchCriteria({ text: query.q }).map((c) => c.id)) : null;
  const items = profile.items.filter(
    (i) =>
      (query.categoryId === undefined || i.categoryId === query.categoryId) &&
      (query.focusAreaId === undefined || i.focusAreaId === query.focusAreaId) &&
      (query.level === undefined || i.level === query.level) &&
      (query.status === undefined || i.status === query.status) &&
      (query.filter === undefined || matchesFilter(i, query.filter)) &&
      (matching === null || matching.has(i.criterionId)),
  );
  return { entityTypes: profile.entityTypes, anniversaryDate: profile.anniversaryDate, items, total: items.length };
}

/** 404 unless the criterion applies to the company's entity types today (one cheap statement, before any lock). */
export async function assertApplicable(tx: Tx, tenantId: string, criterionId: string, today: string): Promise<void> {
  const { entityTypes } = await readProfileFacts(tx, tenantId);
  if (!applicableCriteria(entityTypes, today).some((c) => c.criterion.id === criterionId)) throw notFound("Criterion");
}

/** Read one applicable item inside a scoped transaction; 404 when the criterion is unknown or does not apply. */
export async function readItem(tx: Tx, tenantId: string, criterionId: string, today: string): Promise<ProfileItemView> {
  const { items } = await buildProfileItems({ tx, tenantId, today, criterionId });
  const item = items[0];
  if (!item) throw notFound("Criterion");
  return item;
}

/** The evidence file's state on `today`, as the evidence vault reports it. */
function evidenceStatus(expiresOn: string | null, remindDays: number, today: string): "valid" | "expiring" | "expired" | "no-expiry" {
  if (!expiresOn) return "no-expiry";
  if (expiresOn < today) return "expired";
  const warnFrom = new Date(`${expiresOn}T00:00:00Z`);
  warnFrom.setUTCDate(warnFrom.getUTCDate() - remindDays);
  return isoDay(warnFrom) <= today ? "expiring" : "valid";
}

/** GET /api/security-profile/items/{criterionId}: the item, its evidence and its procedures. */
export async function getProfileItem(options: { ctx: TenantCtx; criterionId: string }): Promise<ProfileItemDetail> {
  const { ctx, criterionId } = options;
  const today = todayIso();
  return withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const item = await readItem(tx, ctx.tenantId, criterionId, today);
    const evidence = await listCriterionEvidence(tx, ctx.tenantId, item.criterionId);
    const procedures = await listCriterionProcedures(tx, ctx.tenantId, item.criterionId);
    return {
      ...item,
      evidence: evidence.map((e) => ({
        id: e.id,
        title: e.title,
        currentVersion: e.current_version,
        sha256: e.sha256?.trim() ?? null,
        filename: e.filename ?? null,
        expiresOn: e.expires_on,
        status: evidenceStatus(e.expires_on, e.remind_days, today),
      })),
      procedures: procedures.map((p) => ({ id: p.id, code: p.code, title: p.title, status: p.status ?? "draft" })),
    };
  });
}
