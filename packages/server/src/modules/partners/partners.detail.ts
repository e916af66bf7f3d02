import { randomUUID } from "node:crypto";
import { checkIdentifier, IDENTIFIER_RULES, type IdentifierKind } from "@portcullis/domain";
import type { PartnerRow } from "../../db/schema-partners.ts";
import type { Tx } from "../../db/tx.ts";
import { AppError } from "../../errors.ts";
import { partnerRef, presentCertification, presentPartner, presentPartnerSite, presentScreening } from "./partners.present.ts";
import { certificationsByPartner, lanesOfPartner, relatedPartners, screeningsOf, statusHistoryOf } from "./partners.repo.ts";
import type { CreatePartnerInput, PartnerDetail } from "./partners.schema.ts";

type IdentifierInput = NonNullable<CreatePartnerInput["identifiers"]>[number];
type ContactInput = NonNullable<CreatePartnerInput["contacts"]>[number];

/**
 * Normalize identifiers through the domain's `checkIdentifier`. A value that breaks a format we are sure of is
 * refused (400 validation_failed naming the identifier and its position); a mismatch with a format we are unsure
 * of is kept (the warning is recomputed when shown). Duplicates after normalization collapse into one.
 */
export function checkedIdentifiers(list: readonly IdentifierInput[]): { kind: IdentifierKind; value: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const out = new Map<string, { kind: IdentifierKind; value: string }>();
  list.forEach((item, index) => {
    const check = checkIdentifier(item.kind, item.value);
    if (check.error) {
      issues.push({ path: ["body", "identifiers", index, "value"], message: `${IDENTIFIER_RULES[item.kind].label.en}: ${check.error}` });
      return;
    }
    out.set(`${item.kind}\u0000${check.normalized}`, { kind: item.kind, value: check.normalized });
  });
  const first = issues[0];
  if (first) {
    const bad = list[first.path[2] as number];
    throw new AppError("validation_failed", `Identifier ${bad?.kind} "${String(bad?.value).slice(0, 64)}" is not valid: ${first.message}`, {
      issues,
    });
  }
  return [...out.values()];
}

/** Replace a partner's identifiers with `list` (already checked). */
export async function replaceIdentifiers(
  tx: Tx,
  tenantId: string,
  partnerId: string,
  list: readonly { kind: string; value: string }[],
): Promise<void> {
  await tx.deleteFrom("partner_identifiers").where("tenant_id", "=", tenantId).where("partner_id", "=", partnerId).execute();
  if (list.length === 0) return;
  await tx
    .insertInto("partner_identifiers")
    .values(list.map((i) => ({ tenant_id: tenantId, partner_id: partnerId, kind: i.kind, value: i.value })))
    .execute();
}

/** Replace a partner's contacts with `list`, in the given order. */
export async function replaceContacts(tx: Tx, tenantId: string, partnerId: string, list: readonly ContactInput[]): Promise<void> {
  await tx.deleteFrom("partner_contacts").where("tenant_id", "=", tenantId).where("partner_id", "=", partnerId).execute();
  if (list.length === 0) return;
  await tx
    .insertInto("partner_contacts")
    .values(
      list.map((c, position) => ({
        id: randomUUID(),
        tenant_id: tenantId,
        partner_id: partnerId,
        name: c.name,
        email: c.email ?? null,
        phone: c.phone ?? null,
        role: c.role ?? null,
        position,
      })),
    )
    .execute();
}

/** Everything GET /api/partners/{id} shows about one partner, read in the caller's transaction. */
export async function loadPartnerDetail(tx: Tx, tenantId: string, row: PartnerRow, today: string): Promise<PartnerDetail> {
  const id = row.id;
  const [certs, sites, contacts, identifiers, screenings, history, suppliers, customers, lanes] = await Promise.all([
    certificationsByPartner(tx, tenantId, [id]),
    tx
      .selectFrom("partner_sites")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("partner_id", "=", id)
      .orderBy(({ eb }) => eb("archived_at", "is not", null))
      .orderBy("name")
      .orderBy("id")
      .execute(),
    tx
      .selectFrom("partner_contacts")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("partner_id", "=", id)
      .orderBy("position")
      .execute(),
    tx
      .selectFrom("partner_identifiers")
      .select(["kind", "value"])
      .where("tenant_id", "=", tenantId)
      .where("partner_id", "=", id)
      .orderBy("kind")
      .orderBy("value")
      .execute(),
    screeningsOf(tx, tenantId, id),
    statusHistoryOf(tx, tenantId, id),
    relatedPartners(tx, tenantId, id, "suppliers"),
    relatedPartners(tx, tenantId, id, "customers"),
    lanesOfPartner(tx, tenantId, id),
  ]);
  const certRows = certs.get(id) ?? [];
  return {
    ...presentPartner(row, certRows, today),
    questionnaireWaiver: row.questionnaire_waived_at
      ? { waivedAt: new Date(row.questionnaire_waived_at).toISOString(), reason: row.questionnaire_waiver_reason }
      : null,
    sites: sites.map(presentPartnerSite),
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, email: c.email, phone: c.phone, role: c.role })),
    identifiers: identifiers.map((i) => ({
      kind: i.kind,
      value: i.value,
      // Rows written by other paths (imports) could carry a kind the rules do not know: no warning then.
      warning: i.kind in IDENTIFIER_RULES ? checkIdentifier(i.kind as IdentifierKind, i.value).warning : null,
    })),
    certifications: certRows.map((c) => presentCertification(c, today)),
    screenings: screenings.map(presentScreening),
    statusHistory: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
      by: h.actor_id ? { id: h.actor_id, displayName: h.display_name ?? "" } : null,
      at: new Date(h.at).toISOString(),
    })),
    suppliers: suppliers.map(partnerRef),
    customers: customers.map(partnerRef),
    lanes,
  };
}
