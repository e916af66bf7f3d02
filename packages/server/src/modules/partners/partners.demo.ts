import { Kysely } from "kysely";
import type { Actor } from "../../audit/audit.service.ts";
import type { Db } from "../../db/open.ts";
import type { Database } from "../../db/schema.ts";
import type { TenantCtx } from "../../http/context.ts";
import { addDaysIso, todayUtc } from "../procedures/review-interval.ts";
import { createCertification, waiveQuestionnaire } from "./partners.certifications.ts";
import { addSupplier, createScreening } from "./partners.chain.ts";
import { DEMO_SUPPLIERS, type DemoPartner } from "./partners.demo-data.ts";
import { DEMO_LOGISTICS } from "./partners.demo-logistics.ts";
import { createPartner, movePartner } from "./partners.service.ts";
import { createPartnerSite } from "./partners.sites.ts";

/** Every demo partner, suppliers first. */
export const DEMO_PARTNERS: readonly DemoPartner[] = [...DEMO_SUPPLIERS, ...DEMO_LOGISTICS];

/** What the partner demo created, by the keys of DEMO_PARTNERS (partners, sites, certifications by partner key). */
export interface PartnersDemoIds {
  partners: Record<string, string>;
  sites: Record<string, string>;
  certifications: Record<string, string[]>;
}

/**
 * Seed a realistic importer's partner registry through the same services as the API (every step audited):
 * Mexican and Asian suppliers (Pearl Delta's mould maker in Ningbo as its tier-2 supplier), a border highway
 * carrier, an ocean carrier, an air consolidator, a customs broker and a Laredo 3PL, with sites, CTPAT and MRA
 * certifications (one lapsed OEA), screenings (a TBML concern, a failed forced-labor audit) and statuses across
 * the lifecycle. The Monterrey supplier's questionnaire is waived on its CTPAT certification. `actor` should be
 * an approver of the company (owner, admin or security manager): the moves to approved and beyond are theirs.
 * Throws on bad demo data (a bug, not something to paper over).
 */
export async function seedPartnersDemo(options: { db: Db | Kysely<Database>; tenantId: string; actor: Actor }): Promise<PartnersDemoIds> {
  const db = options.db instanceof Kysely ? options.db : options.db.kysely;
  const ctx: TenantCtx = { db, tenantId: options.tenantId, actor: options.actor, userId: options.actor.id, requestId: null };
  const today = todayUtc();
  const out: PartnersDemoIds = { partners: {}, sites: {}, certifications: {} };
  for (const p of DEMO_PARTNERS) {
    const created = await createPartner({
      ctx,
      input: {
        name: p.name,
        legalName: p.legalName,
        type: p.type,
        countryCode: p.countryCode,
        address: p.address,
        website: p.website ?? null,
        riskLevel: p.riskLevel,
        notes: p.notes ?? null,
        externalKey: p.key,
        identifiers: p.identifiers,
        contacts: p.contacts,
      },
    });
    const id = created.id;
    out.partners[p.key] = id;
    for (const s of p.sites) {
      const { key, ...input } = s;
      out.sites[key] = (await createPartnerSite({ ctx, partnerId: id, input: { ...input, externalKey: key } })).id;
    }
    out.certifications[p.key] = [];
    for (const c of p.certifications) {
      const cert = await createCertification({
        ctx,
        partnerId: id,
        input: {
          program: c.program,
          certificateId: c.certificateId,
          validFrom: addDaysIso(today, -900),
          validTo: c.validToDays === null ? null : addDaysIso(today, c.validToDays),
          lastVerifiedOn: c.lastVerifiedDays === null ? null : addDaysIso(today, c.lastVerifiedDays),
        },
      });
      out.certifications[p.key]?.push(cert.id);
    }
    // Oldest first, so the rescreen date follows the latest one.
    for (const s of [...p.screenings].sort((a, b) => b.daysAgo - a.daysAgo)) {
      await createScreening({
        ctx,
        partnerId: id,
        input: { kind: s.kind, result: s.result, indicators: s.indicators, notes: s.notes, performedOn: addDaysIso(today, -s.daysAgo) },
      });
    }
    for (const m of p.moves) {
      await movePartner({ ctx, callerRole: "owner", id, input: m });
    }
  }
  const { partners } = out;
  await addSupplier({ ctx, partnerId: need(partners, "shenzhen-electronics"), supplierId: need(partners, "ningbo-tooling") });
  const ctpat = out.certifications["monterrey-autoparts"]?.[0];
  if (!ctpat) throw new Error("demo: the Monterrey supplier needs its CTPAT certification");
  await waiveQuestionnaire({
    ctx,
    partnerId: need(partners, "monterrey-autoparts"),
    input: { certificationId: ctpat, reason: "CTPAT-certified foreign manufacturer; status confirmed in the CTPAT portal (MSC 3.4)" },
  });
  return out;
}

function need(ids: Record<string, string>, key: string): string {
  const id = ids[key];
  if (!id) throw new Error(`demo: no partner ${key}`);
  return id;
}
