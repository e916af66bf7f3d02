import { type RawBuilder, sql } from "kysely";
import type { PartnerCertificationRow, PartnerRow } from "../../db/schema-partners.ts";
import type { Tx } from "../../db/tx.ts";
import { addDaysIso } from "../procedures/review-interval.ts";
import { DUE_SOON_DAYS } from "./partners.present.ts";
import type { ListPartnersQueryInput } from "./partners.schema.ts";

/** Read one partner of the tenant (RLS filters too); `lock` takes the row for update. */
export function findPartner(tx: Tx, tenantId: string, id: string, lock = false): Promise<PartnerRow | undefined> {
  const q = tx.selectFrom("partners").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/**
 * The certifications of each partner in `partnerIds` (every id gets an entry), for `certifiedStatus` and
 * `presentPartner`. Runs in the caller's transaction; other modules may call it.
 */
export async function certificationsByPartner(
  tx: Tx,
  tenantId: string,
  partnerIds: readonly string[],
): Promise<Map<string, PartnerCertificationRow[]>> {
  const out = new Map<string, PartnerCertificationRow[]>(partnerIds.map((id) => [id, []]));
  const wanted = [...new Set(partnerIds)];
  if (wanted.length === 0) return out;
  const rows = await tx
    .selectFrom("partner_certifications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("partner_id", "in", wanted)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  for (const r of rows) out.get(r.partner_id)?.push(r);
  return out;
}

/**
 * The SQL twin of `certifiedStatus`: 'ctpat' | 'mra' | 'expired' | 'none' for the partner whose id column is
 * `partnerId` (e.g. "p.id"), on `today`. Other modules may use it to filter or sort partners in SQL.
 */
export function certifiedSql(partnerId: string, today: string): RawBuilder<string> {
  const base = sql`SELECT 1 FROM partner_certifications c WHERE c.partner_id = ${sql.ref(partnerId)}`;
  const active = sql`c.status = 'active' AND (c.valid_from IS NULL OR c.valid_from <= ${today}::date)
    AND (c.valid_to IS NULL OR c.valid_to >= ${today}::date)`;
  return sql<string>`(CASE
    WHEN EXISTS (${base} AND c.program = 'ctpat' AND ${active}) THEN 'ctpat'
    WHEN EXISTS (${base} AND c.program <> 'ctpat' AND ${active}) THEN 'mra'
    WHEN EXISTS (${base} AND (c.status = 'expired' OR (c.status = 'active' AND c.valid_to < ${today}::date))) THEN 'expired'
    ELSE 'none' END)`;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Page through the tenant's partners by name, with the list filters of GET /api/partners. */
export async function listPartnerRows(
  tx: Tx,
  tenantId: string,
  query: ListPartnersQueryInput,
  today: string,
): Promise<{ rows: PartnerRow[]; total: number }> {
  let base = tx.selectFrom("partners as p").where("p.tenant_id", "=", tenantId);
  if (!query.includeArchived) base = base.where("p.archived_at", "is", null);
  if (query.type) base = base.where("p.type", "=", query.type);
  if (query.status) base = base.where("p.status", "=", query.status);
  if (query.risk) base = base.where("p.risk_level", "=", query.risk);
  if (query.countryCode) base = base.where("p.country_code", "=", query.countryCode.toUpperCase());
  if (query.certified) base = base.where(sql<boolean>`${certifiedSql("p.id", today)} = ${query.certified}`);
  if (query.rescreenDue !== undefined) {
    const horizon = addDaysIso(today, DUE_SOON_DAYS);
    base = query.rescreenDue
      ? base.where("p.rescreen_due_on", "<=", horizon)
      : base.where((eb) => eb.or([eb("p.rescreen_due_on", "is", null), eb("p.rescreen_due_on", ">", horizon)]));
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb("p.name", "ilike", pattern),
        eb("p.legal_name", "ilike", pattern),
        eb("p.external_key", "ilike", pattern),
        eb.exists(
          eb
            .selectFrom("partner_identifiers as i")
            .select("i.kind")
            .whereRef("i.partner_id", "=", "p.id")
            .where("i.tenant_id", "=", tenantId)
            .where("i.value", "ilike", pattern),
        ),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base.selectAll("p").orderBy("p.name").orderBy("p.id").limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Append one row to a partner's status history. */
export async function insertStatusHistory(
  tx: Tx,
  row: { id: string; tenantId: string; partnerId: string; from: string | null; to: string; reason: string | null; actorId: string | null },
): Promise<void> {
  await tx
    .insertInto("partner_status_history")
    .values({
      id: row.id,
      tenant_id: row.tenantId,
      partner_id: row.partnerId,
      from_status: row.from,
      to_status: row.to,
      reason: row.reason,
      actor_id: row.actorId,
    })
    .execute();
}

/** The partners that supply `partnerId` (its suppliers) or that it supplies (its customers), by name. */
export function relatedPartners(tx: Tx, tenantId: string, partnerId: string, side: "suppliers" | "customers") {
  const [join, where] =
    side === "suppliers" ? (["r.supplier_id", "r.customer_id"] as const) : (["r.customer_id", "r.supplier_id"] as const);
  return tx
    .selectFrom("partner_relations as r")
    .innerJoin("partners as p", "p.id", join)
    .where("r.tenant_id", "=", tenantId)
    .where(where, "=", partnerId)
    .select(["p.id", "p.name", "p.type", "p.country_code", "p.status", "p.archived_at"])
    .orderBy("p.name")
    .orderBy("p.id")
    .execute();
}

/** Lanes (not archived) that touch the partner: through one of its sites, or with it as a leg's carrier. */
export async function lanesOfPartner(tx: Tx, tenantId: string, partnerId: string): Promise<{ id: string; name: string }[]> {
  const sites = await tx
    .selectFrom("partner_sites")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("partner_id", "=", partnerId)
    .execute();
  const nodes = sites.map((s) => `partner-site:${s.id}`);
  return tx
    .selectFrom("lanes as l")
    .select(["l.id", "l.name"])
    .where("l.tenant_id", "=", tenantId)
    .where("l.archived_at", "is", null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("lane_legs as g")
          .select("g.seq")
          .whereRef("g.lane_id", "=", "l.id")
          .where("g.tenant_id", "=", tenantId)
          .where((w) =>
            w.or([
              w("g.carrier_partner_id", "=", partnerId),
              ...(nodes.length > 0 ? [w("g.from_node", "in", nodes), w("g.to_node", "in", nodes)] : []),
            ]),
          ),
      ),
    )
    .orderBy("l.name")
    .orderBy("l.id")
    .execute();
}

/** A partner's screening records, newest first, with the performer's name. */
export function screeningsOf(tx: Tx, tenantId: string, partnerId: string) {
  return screeningView(tx, tenantId)
    .where("s.partner_id", "=", partnerId)
    .orderBy("s.performed_on", "desc")
    .orderBy("s.created_at", "desc")
    .orderBy("s.id")
    .execute();
}

/** Screening rows of the tenant joined with the performer's display name. */
export function screeningView(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("partner_screenings as s")
    .leftJoin("users as u", "u.id", "s.performed_by")
    .where("s.tenant_id", "=", tenantId)
    .select([
      "s.id",
      "s.partner_id",
      "s.kind",
      "s.result",
      "s.indicators",
      "s.notes",
      "s.performed_by",
      "u.display_name as performer_name",
      "s.performed_on",
      "s.created_at",
    ]);
}

/** The latest day the partner was screened, if ever. */
export async function lastScreenedOn(tx: Tx, tenantId: string, partnerId: string): Promise<string | null> {
  const row = await tx
    .selectFrom("partner_screenings")
    .select((eb) => eb.fn.max("performed_on").as("last"))
    .where("tenant_id", "=", tenantId)
    .where("partner_id", "=", partnerId)
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

/** A partner's status history, oldest first, with who moved it. */
export function statusHistoryOf(tx: Tx, tenantId: string, partnerId: string) {
  return tx
    .selectFrom("partner_status_history as h")
    .leftJoin("users as u", "u.id", "h.actor_id")
    .where("h.tenant_id", "=", tenantId)
    .where("h.partner_id", "=", partnerId)
    .select(["h.from_status", "h.to_status", "h.reason", "h.actor_id", "u.display_name", "h.at"])
    .orderBy("h.at")
    .orderBy("h.id")
    .execute();
}
