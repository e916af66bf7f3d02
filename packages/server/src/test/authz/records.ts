/** Record fixtures of the Security Profile modules for the authorization matrix (one maker per target kind). */
import { randomUUID } from "node:crypto";
import { addDaysIso, todayUtc } from "../../modules/procedures/review-interval.ts";
import { questionnaireMaker } from "../../modules/questionnaires/questionnaires.matrix.ts";
import { hashSnapshot } from "../../modules/reviews/reviews.snapshot.ts";
import { unique } from "../factories.ts";
import type { Harness } from "../harness.ts";
import { Multipart } from "../multipart.ts";
import type { TargetKind } from "./table.ts";
import type { Principal, Rec, World } from "./world.ts";

/** Creates one fresh record of a kind in `world`, recording its identifying markers in world.markers. */
export type RecordMaker = (h: Harness, world: World, forPrincipal: Principal) => Promise<Rec>;

/** A record whose read() is the JSON of `sql` run with the record's id as $1. */
export function recordReadBy(h: Harness, id: string, sql: string): Rec {
  return { id, read: async () => JSON.stringify(await h.rawQuery(sql, [id])) };
}

/** The id of a record the company's owner creates through the API; the fixture fails on any answer but 201. */
async function postAsOwner(world: World, what: string, url: string, body: object): Promise<string> {
  const res =
    body instanceof Multipart
      ? await world.owner.request("POST", url, body.payload, { "content-type": body.contentType })
      : await world.owner.request("POST", url, body);
  if (res.statusCode !== 201) throw new Error(`${what} fixture failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** Makers for the kinds world.ts does not build itself. Each module adds its own. */
export const RECORD_MAKERS: Partial<Record<TargetKind, RecordMaker>> = {
  evidence: makeEvidence,
  framework: makeFramework,
  procedure: (h, world) => makeProcedure(h, world, null),
  "procedure-draft": (h, world) => makeProcedure(h, world, "draft"),
  "procedure-review": (h, world) => makeProcedure(h, world, "in_review"),
  review: makeReview,
  notification: makeNotification,
  partner: (h, world) => makePartner(h, world).then((p) => p.rec),
  "partner-site": makePartnerSite,
  "partner-certification": makePartnerCertification,
  questionnaire: questionnaireMaker("sent"),
  "questionnaire-submitted": questionnaireMaker("submitted"),
  lane: makeLane,
  "screening-match": makeScreeningMatch,
};

/**
 * An open screening match: an approved partner (so confirming it suspends the partner), a one-entry list and the
 * match between them, inserted directly. read() covers the match, the partner and its status history.
 */
async function makeScreeningMatch(h: Harness, world: World): Promise<Rec> {
  const [partnerId, listId, entryId, id] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const partnerName = unique(`Screened${world.name}`);
  const listName = unique(`List${world.name}`);
  const entryName = unique(`DENIED PARTY ${world.name}`);
  await h.rawQuery(
    `INSERT INTO partners (id, tenant_id, name, type, country_code, status) VALUES ($1, $2, $3, 'manufacturer', 'MX', 'approved')`,
    [partnerId, world.tenantId, partnerName],
  );
  await h.rawQuery(
    `INSERT INTO screening_lists (id, tenant_id, name, source, format, sha256, entry_count) VALUES ($1, $2, $3, 'csl', 'csv', repeat('0', 64), 1)`,
    [listId, world.tenantId, listName],
  );
  await h.rawQuery(
    `INSERT INTO screening_entries (id, tenant_id, list_id, name, normalized, programs) VALUES ($1, $2, $3, $4, lower($4), '{DEMO}')`,
    [entryId, world.tenantId, listId, entryName],
  );
  await h.rawQuery(
    `INSERT INTO screening_matches (id, tenant_id, partner_id, entry_id, score, matched_on) VALUES ($1, $2, $3, $4, 91, 'name')`,
    [id, world.tenantId, partnerId, entryId],
  );
  world.markers.add(id).add(partnerId).add(listId).add(entryId).add(partnerName).add(listName).add(entryName);
  return recordReadBy(
    h,
    id,
    `SELECT to_jsonb(m) AS match, to_jsonb(p) AS partner,
       (SELECT count(*) FROM partner_status_history x WHERE x.partner_id = p.id) AS history
     FROM screening_matches m JOIN partners p ON p.id = m.partner_id WHERE m.id = $1`,
  );
}

/** A lane between two packaged locations, created through the API (its legs are part of what must not change). */
async function makeLane(h: Harness, world: World): Promise<Rec> {
  const name = unique(`Lane${world.name}`);
  const id = await postAsOwner(world, "lane", "/api/lanes", { name, legs: [{ from: "port:CNYTN", to: "port:USLAX", mode: "sea" }] });
  world.markers.add(id).add(name);
  return recordReadBy(
    h,
    id,
    `SELECT to_jsonb(l) AS lane, (SELECT jsonb_agg(to_jsonb(g) ORDER BY g.seq) FROM lane_legs g WHERE g.lane_id = l.id) AS legs
     FROM lanes l WHERE l.id = $1`,
  );
}

/** A piece of evidence uploaded through the API (a text file linked to 6.2), so its file exists for downloads. */
async function makeEvidence(h: Harness, world: World): Promise<Rec> {
  const title = unique(`Evidence${world.name}`);
  const upload = new Multipart({
    title,
    criterionIds: "6.2",
    file: { filename: `${title}.txt`, contentType: "text/plain", data: `Seal inspection log ${title}\n` },
  });
  const id = await postAsOwner(world, "evidence", "/api/evidence", upload);
  world.markers.add(id).add(title);
  return recordReadBy(
    h,
    id,
    `SELECT to_jsonb(e) AS item,
       (SELECT jsonb_agg(to_jsonb(v) ORDER BY v.version) FROM evidence_versions v WHERE v.evidence_id = e.id) AS versions,
       (SELECT jsonb_agg(to_jsonb(l) ORDER BY l.target_type, l.target_id) FROM evidence_links l WHERE l.evidence_id = e.id) AS links
     FROM evidence_items e WHERE e.id = $1`,
  );
}

/** A framework imported through the API: controls IC-01 (mapped to 6.2) and IC-02. */
async function makeFramework(h: Harness, world: World): Promise<Rec> {
  const name = unique(`Framework${world.name}`);
  const upload = new Multipart({
    name,
    file: { filename: "controls.csv", contentType: "text/csv", data: "ref,title,msc\nIC-01,Seal log,6.2=equal\nIC-02,Training,12.1\n" },
  });
  const id = await postAsOwner(world, "framework", "/api/frameworks/import", upload);
  world.markers.add(id).add(name);
  return recordReadBy(
    h,
    id,
    `SELECT to_jsonb(f) AS framework,
       (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.position) FROM framework_controls c WHERE c.framework_id = f.id) AS controls
     FROM frameworks f WHERE f.id = $1`,
  );
}

// ─── Procedures, reviews, notifications ──────────────────────────────────────────────────────────────

/** One author per company who is none of the matrix's callers, so every approver passes the four-eyes rule. */
const authors = new WeakMap<World, string>();
async function authorOf(h: Harness, world: World): Promise<string> {
  const known = authors.get(world);
  if (known) return known;
  const id = randomUUID();
  const email = `${unique(`author${world.name}`)}@example.test`;
  await h.rawQuery("INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $2, 'not-a-hash')", [id, email]);
  await h.rawQuery("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'analyst')", [world.tenantId, id]);
  world.markers.add(id).add(email);
  authors.set(world, id);
  return id;
}

/**
 * A procedure whose version 1 is approved (acknowledgements, new versions), plus, for the draft and review kinds,
 * a version 2 in that state written by the company's third-party author (edit, submit; approve, reject).
 */
async function makeProcedure(h: Harness, world: World, pending: "draft" | "in_review" | null): Promise<Rec> {
  const id = randomUUID();
  const code = unique(`SOP${world.name}`);
  const title = unique(`Seal control ${world.name}`);
  const author = await authorOf(h, world);
  await h.rawQuery(
    `INSERT INTO procedures (id, tenant_id, code, title, requires_ack, next_review_on) VALUES ($1, $2, $3, $4, true, current_date + 300)`,
    [id, world.tenantId, code, title],
  );
  await h.rawQuery("INSERT INTO procedure_criteria (tenant_id, procedure_id, criterion_id) VALUES ($1, $2, '6.1'), ($1, $2, '7.1')", [
    world.tenantId,
    id,
  ]);
  await h.rawQuery(
    `INSERT INTO procedure_versions (id, tenant_id, procedure_id, version, status, body, author_id, approved_by, approved_at)
     VALUES ($1, $2, $3, 1, 'approved', 'Seals are issued by the dock supervisor.', $4, $5, now() - interval '65 days')`,
    [randomUUID(), world.tenantId, id, author, world.owner.userId],
  );
  if (pending) {
    await h.rawQuery(
      `INSERT INTO procedure_versions (id, tenant_id, procedure_id, version, status, body, change_note, author_id, submitted_at)
       VALUES ($1, $2, $3, 2, $4, 'Seals are issued and logged by the dock supervisor.', 'Adds the seal log', $5,
         CASE WHEN $4 = 'in_review' THEN now() END)`,
      [randomUUID(), world.tenantId, id, pending, author],
    );
  }
  world.markers.add(id).add(code).add(title);
  return recordReadBy(
    h,
    id,
    `SELECT to_jsonb(p) AS procedure,
       (SELECT jsonb_agg(to_jsonb(v) ORDER BY v.version) FROM procedure_versions v WHERE v.procedure_id = p.id) AS versions,
       (SELECT jsonb_agg(c.criterion_id ORDER BY c.criterion_id) FROM procedure_criteria c WHERE c.procedure_id = p.id) AS criteria,
       (SELECT count(*) FROM procedure_acks a JOIN procedure_versions v ON v.id = a.procedure_version_id
         WHERE v.procedure_id = p.id) AS acks
     FROM procedures p WHERE p.id = $1`,
  );
}

let reviewDay = 0;
/** An open review with every category's task done, so editing a task and signing are both valid. */
async function makeReview(h: Harness, world: World): Promise<Rec> {
  const id = randomUUID();
  reviewDay += 1;
  // Far-future anniversaries: never the next one, so opening a review (POST) never collides with these.
  const anniversary = new Date(Date.UTC(2200, 0, 1 + reviewDay)).toISOString().slice(0, 10);
  await h.rawQuery(
    `INSERT INTO profile_reviews (id, tenant_id, anniversary_on, opens_on, status, created_by)
     VALUES ($1, $2, $3::date, $3::date - 90, 'open', $4)`,
    [id, world.tenantId, anniversary, world.owner.userId],
  );
  await h.rawQuery(
    `INSERT INTO profile_review_tasks (tenant_id, review_id, category_id, status, completed_by, completed_at)
     SELECT $1, $2, c, 'done', $3, now() FROM generate_series(1, 12) c`,
    [world.tenantId, id, world.owner.userId],
  );
  world.markers.add(id);
  return recordReadBy(
    h,
    id,
    `SELECT to_jsonb(r) AS review,
       (SELECT jsonb_agg(to_jsonb(t) ORDER BY t.category_id) FROM profile_review_tasks t WHERE t.review_id = r.id) AS tasks
     FROM profile_reviews r WHERE r.id = $1`,
  );
}

/** A company-wide reminder (no addressee), unread. */
async function makeNotification(h: Harness, world: World): Promise<Rec> {
  const id = randomUUID();
  const subject = randomUUID();
  await h.rawQuery(
    `INSERT INTO notifications (id, tenant_id, kind, subject_type, subject_id, params, due_on, dedupe_key)
     VALUES ($1, $2, 'evidence.expired', 'evidence', $3, '{"title":"Seal log"}', current_date - 1, $4)`,
    [id, world.tenantId, subject, `matrix:${id}`],
  );
  world.markers.add(id).add(subject);
  return recordReadBy(h, id, "SELECT to_jsonb(n) AS row FROM notifications n WHERE id = $1");
}

/**
 * Setup of POST /api/security-profile/reviews: move the company's anniversary to a day inside the next 90 days
 * that has no review yet, so each allowed caller opens a new one (the previous caller's review took the last day).
 */
export async function openReviewWindow({ h, world }: { h: Harness; world: World }): Promise<void> {
  const today = todayUtc();
  const days = Array.from({ length: 89 }, (_, k) => addDaysIso(today, k + 1));
  await h.rawQuery(
    `UPDATE tenants SET anniversary_date = (
       SELECT d FROM unnest($2::date[]) d
       WHERE NOT EXISTS (SELECT 1 FROM profile_reviews r WHERE r.tenant_id = $1 AND r.anniversary_on = d)
       ORDER BY d LIMIT 1)
     WHERE id = $1`,
    [world.tenantId, days],
  );
}

/** Setup of the compare route: a signed review (an empty snapshot of 2001) for `from` to default to. */
export async function ensureSignedReview({ h, world }: { h: Harness; world: World }): Promise<void> {
  const snapshot = { format: "portcullis.profile-snapshot/1", version: 1, anniversaryOn: "2001-03-01", takenOn: "2001-02-01", items: [] };
  await h.rawQuery(
    `INSERT INTO profile_reviews (id, tenant_id, anniversary_on, opens_on, status, version, snapshot, snapshot_hash, signed_at)
     VALUES ($1, $2, '2001-03-01', '2000-12-01', 'signed', 1, $3::jsonb, $4, now())
     ON CONFLICT (tenant_id, anniversary_on) DO NOTHING`,
    [randomUUID(), world.tenantId, JSON.stringify(snapshot), hashSnapshot(snapshot)],
  );
}

// ─── Business partners ───────────────────────────────────────────────────────────────────────────────

/** Per company: a partner that supplies every matrix partner (to remove) and one that supplies none (to add). */
const partnerSuppliers = new WeakMap<World, { linked: string; spare: string }>();
/** The active CTPAT certification of each matrix partner, for the questionnaire waiver's body. */
const partnerCertifications = new Map<string, string>();

/** The supplier the matrix adds to a partner of `world` (a random id before any partner exists). */
export const spareSupplierOf = (world: World): string => partnerSuppliers.get(world)?.spare ?? randomUUID();
/** The supplier every matrix partner of `world` already has, for the remove route. */
export const linkedSupplierOf = (world: World): string => partnerSuppliers.get(world)?.linked ?? randomUUID();
/** The active certification of the matrix partner `recordId` (a random id for a missing partner). */
export const certificationOf = (recordId: string | undefined): string => (recordId && partnerCertifications.get(recordId)) || randomUUID();

async function insertPartner(h: Harness, world: World, name: string): Promise<string> {
  const id = randomUUID();
  await h.rawQuery(
    `INSERT INTO partners (id, tenant_id, name, legal_name, type, country_code, external_key) VALUES ($1, $2, $3, $3, 'manufacturer', 'MX', $4)`,
    [id, world.tenantId, name, unique(`key${world.name}`)],
  );
  await h.rawQuery(
    "INSERT INTO partner_status_history (id, tenant_id, partner_id, from_status, to_status) VALUES ($1, $2, $3, NULL, 'prospect')",
    [randomUUID(), world.tenantId, id],
  );
  world.markers.add(id).add(name);
  return id;
}

/**
 * A prospect (so an editor may move it to screening) with a site, a contact, an RFC, an active CTPAT certification
 * (for the waiver) and the company's linked supplier (for the remove route).
 */
async function makePartner(h: Harness, world: World): Promise<{ rec: Rec; siteId: string; certificationId: string }> {
  let suppliers = partnerSuppliers.get(world);
  if (!suppliers) {
    suppliers = {
      linked: await insertPartner(h, world, unique(`Supplier${world.name}`)),
      spare: await insertPartner(h, world, unique(`Spare${world.name}`)),
    };
    partnerSuppliers.set(world, suppliers);
  }
  const id = await insertPartner(h, world, unique(`Partner${world.name}`));
  const siteId = randomUUID();
  const certificationId = randomUUID();
  const siteName = unique(`Plant${world.name}`);
  await h.rawQuery(
    `INSERT INTO partner_sites (id, tenant_id, partner_id, name, kind, country_code, latitude, longitude)
     VALUES ($1, $2, $3, $4, 'factory', 'MX', 31.69, -106.42)`,
    [siteId, world.tenantId, id, siteName],
  );
  await h.rawQuery("INSERT INTO partner_contacts (id, tenant_id, partner_id, name) VALUES ($1, $2, $3, $4)", [
    randomUUID(),
    world.tenantId,
    id,
    `Contact ${siteName}`,
  ]);
  await h.rawQuery("INSERT INTO partner_identifiers (tenant_id, partner_id, kind, value) VALUES ($1, $2, 'rfc', 'MNO940512AB1')", [
    world.tenantId,
    id,
  ]);
  await h.rawQuery(
    `INSERT INTO partner_certifications (id, tenant_id, partner_id, program, certificate_id, valid_to, last_verified_on, next_verification_on)
     VALUES ($1, $2, $3, 'ctpat', $4, current_date + 300, current_date - 30, current_date + 335)`,
    [certificationId, world.tenantId, id, unique(`CT${world.name}`)],
  );
  await h.rawQuery("INSERT INTO partner_relations (tenant_id, supplier_id, customer_id) VALUES ($1, $2, $3)", [
    world.tenantId,
    suppliers.linked,
    id,
  ]);
  partnerCertifications.set(id, certificationId);
  world.markers.add(siteId).add(siteName).add(certificationId);
  return {
    siteId,
    certificationId,
    rec: recordReadBy(
      h,
      id,
      `SELECT to_jsonb(p) AS partner,
         (SELECT jsonb_agg(to_jsonb(s) ORDER BY s.id) FROM partner_sites s WHERE s.partner_id = p.id) AS sites,
         (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.id) FROM partner_certifications c WHERE c.partner_id = p.id) AS certifications,
         (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.id) FROM partner_contacts c WHERE c.partner_id = p.id) AS contacts,
         (SELECT jsonb_agg(to_jsonb(i) ORDER BY i.kind, i.value) FROM partner_identifiers i WHERE i.partner_id = p.id) AS identifiers,
         (SELECT jsonb_agg(to_jsonb(x) ORDER BY x.id) FROM partner_screenings x WHERE x.partner_id = p.id) AS screenings,
         (SELECT count(*) FROM partner_status_history x WHERE x.partner_id = p.id) AS history,
         (SELECT jsonb_agg(r.supplier_id ORDER BY r.supplier_id) FROM partner_relations r WHERE r.customer_id = p.id) AS suppliers
       FROM partners p WHERE p.id = $1`,
    ),
  };
}

/** A site of a fresh matrix partner. */
async function makePartnerSite(h: Harness, world: World): Promise<Rec> {
  const { siteId } = await makePartner(h, world);
  return recordReadBy(h, siteId, "SELECT to_jsonb(s) AS row FROM partner_sites s WHERE id = $1");
}

/** The active CTPAT certification of a fresh matrix partner. */
async function makePartnerCertification(h: Harness, world: World): Promise<Rec> {
  const { certificationId } = await makePartner(h, world);
  return recordReadBy(h, certificationId, "SELECT to_jsonb(c) AS row FROM partner_certifications c WHERE id = $1");
}
