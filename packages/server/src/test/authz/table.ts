/** The expectation table of the authorization matrix (authz-matrix.int.test.ts). */
import type { Role } from "@portcullis/domain";
import {
  acceptAllBody,
  answeredPartnerQuestionnaire,
  createQuestionnaireBody,
  ensureMatrixPartner,
  exchangeBody,
  LANDING_TOKEN,
  MATRIX_CRITERION,
  partnerEvidenceBody,
  pointLandingLink,
  prepareExchange,
  reopenPartnerQuestionnaire,
} from "../../modules/questionnaires/questionnaires.matrix.ts";
import { TEST_PASSWORD, unique } from "../factories.ts";
import type { Harness } from "../harness.ts";
import { Multipart } from "../multipart.ts";
import { certificationOf, ensureSignedReview, linkedSupplierOf, openReviewWindow, spareSupplierOf } from "./records.ts";
import type { World } from "./world.ts";

// ─── The expectation table ────────────────────────────────────────────────────────────────────────────
// Written from the product rules, NOT from the routes' config.access: the point is to catch a route whose
// declared access is wrong. Every route the router knows must appear here (see the meta-tests).

/** Every role, placed by hand (a meta-test compares it with the domain's list). */
export const ALL_ROLES = ["owner", "admin", "security-manager", "analyst", "inspector", "trainer", "auditor", "partner"] as const;
const INTERNAL: readonly Role[] = ["owner", "admin", "security-manager", "analyst", "inspector", "trainer", "auditor"];
const SITE_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
const COMPANY_ADMINS: readonly Role[] = ["owner", "admin"];
const PEOPLE_VIEWERS: readonly Role[] = ["owner", "admin", "security-manager"];
const AUDIT_READERS: readonly Role[] = ["owner", "admin", "security-manager", "auditor"];
const AUDIT_SIGNERS: readonly Role[] = ["owner", "admin", "security-manager"];
const PROFILE_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
const PROFILE_APPROVERS: readonly Role[] = ["owner", "admin", "security-manager"];
const EVIDENCE_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
/** A small text file as a multipart upload, with extra text fields. */
const evidenceUpload = (fields: Record<string, string>) =>
  new Multipart({ ...fields, file: { filename: "seal-log.txt", contentType: "text/plain", data: `Seal log ${unique("entry")}\n` } });
const FRAMEWORK_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
const PROCEDURE_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
const LANE_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
/** A lane between two packaged locations (no partner record needed). */
const laneBody = (from: string, to: string) => ({ name: unique("Lane"), legs: [{ from: `port:${from}`, to: `port:${to}`, mode: "sea" }] });
const QUESTIONNAIRE_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
const PARTNER_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
const PARTNER_APPROVERS: readonly Role[] = ["owner", "admin", "security-manager"];
const SCREENING_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
const SCREENING_APPROVERS: readonly Role[] = ["owner", "admin", "security-manager"];
/** A one-entry Consolidated Screening List file (an invented party) under a fresh list name. */
const screeningListUpload = () =>
  new Multipart({
    name: unique("CSL"),
    source: "csl",
    file: { filename: "csl.csv", contentType: "text/csv", data: "name,alt_names,programs\nZorblatt Matrix Dynamics Ltd.,,DEMO\n" },
  });
const IMPORT_EDITORS: readonly Role[] = ["owner", "admin", "security-manager", "analyst"];
/** A one-partner CSV under a fresh key, committed (dryRun=false). */
const importUpload = () =>
  new Multipart({
    kind: "partners",
    dryRun: "false",
    file: {
      filename: "partners.csv",
      contentType: "text/csv",
      data: `key,name,type,country\n${unique("IMP")},Importado,proveedor,México\n`,
    },
  });
/** A two-control framework file under a fresh name (re-importing the same name and version is a 409). */
const frameworkUpload = () =>
  new Multipart({
    name: unique("Framework"),
    version: "2026",
    dryRun: "false",
    file: { filename: "controls.csv", contentType: "text/csv", data: "ref,title,msc\nIC-01,Seal log,6.1=equal\nIC-02,Training,12.1\n" },
  });
/** 6.2 (ISO 17712 seals) is a Must for importers, the matrix companies' entity type. */
const CRITERION = { criterionId: "6.2" };

/**
 * Who may call: anyone, any signed-in user (with or without a company), these roles of the current company, or only
 * an outside partner's questionnaire session (which every other route refuses with 401).
 */
export type Allow = "public" | "authenticated" | "partner" | readonly Role[];
/** The record a route's :id names; fixtures create a fresh one per request (./world.ts, ./records.ts). */
export type TargetKind =
  | "site"
  | "user"
  | "token"
  | "evidence"
  | "procedure"
  /** A procedure with version 1 approved and version 2 an open draft (edit, submit). */
  | "procedure-draft"
  /** A procedure with version 1 approved and version 2 under review by a third person (approve, reject). */
  | "procedure-review"
  | "review"
  | "framework"
  | "notification"
  // Issue 4: partners and the supply chain.
  | "partner"
  | "partner-site"
  | "partner-certification"
  | "screening-match"
  | "lane"
  /** A questionnaire sent to its partner (invitations, revocation). */
  | "questionnaire"
  /** A questionnaire the partner has submitted, every item answered (review). */
  | "questionnaire-submitted";

/** What the product rules say about one route. */
export interface RouteSpec {
  allow: Allow;
  target?: TargetKind;
  /** Values for path parameters other than :id that name no tenant record (e.g. criterionId: "6.2"). */
  params?: Record<string, string>;
  /** A fixed query string (without "?") for routes that need one, e.g. "from=port:CNYTN&to=port:USLAX". */
  query?: string;
  /**
   * A valid request body; built per request so writes never collide. Return a `Multipart` (../multipart.ts)
   * for upload routes. `recordId` is the :id of this request's record (own, foreign or missing).
   */
  body?: (ctx: { world: World; recordId?: string }) => unknown;
  /** The call ends or moves the session it is made with: use a fresh session each time. */
  freshSession?: true;
  /** What an allowed caller gets when authenticated with an API token, when that is not 2xx. */
  viaToken?: { status: number; code: string };
  /**
   * Put the caller's company in the state the route needs, before every request (e.g. a pending N/A to
   * approve: the previous allowed caller already approved it). Owner SQL; must not touch the other company.
   */
  setup?: (ctx: { h: Harness; world: World }) => Promise<void>;
}

/** Every route of the router, by "METHOD /path", with who may call it. */
export const TABLE: Record<string, RouteSpec> = {
  "GET /api/health": { allow: "public" },
  "POST /api/auth/login": { allow: "public", body: ({ world }) => ({ email: world.loginEmail, password: TEST_PASSWORD }) },
  "POST /api/auth/logout": { allow: "authenticated", freshSession: true },
  "GET /api/auth/me": { allow: "authenticated" },
  "POST /api/auth/switch-tenant": {
    allow: "authenticated",
    freshSession: true,
    body: ({ world }) => ({ tenantId: world.tenantId }),
    // API tokens are bound to one company.
    viaToken: { status: 422, code: "rule_violation" },
  },
  "GET /api/tenants": { allow: "authenticated" },
  "POST /api/tenants": { allow: "authenticated", body: () => ({ legalName: unique("Spawned"), entityTypes: ["importer"] }) },
  "GET /api/tenant": { allow: INTERNAL },
  "PATCH /api/tenant": { allow: COMPANY_ADMINS, body: () => ({ ctpatAccountNumber: unique("acct") }) },
  "GET /api/users": { allow: PEOPLE_VIEWERS },
  "GET /api/users/:id": { allow: PEOPLE_VIEWERS, target: "user" },
  "POST /api/users": {
    allow: COMPANY_ADMINS,
    body: () => ({
      email: `${unique("new")}@example.test`,
      displayName: "New Person",
      role: "analyst",
      password: "a long enough password",
    }),
  },
  "PATCH /api/users/:id": { allow: COMPANY_ADMINS, target: "user", body: () => ({ displayName: unique("Renamed") }) },
  "GET /api/tokens": { allow: INTERNAL },
  "POST /api/tokens": { allow: INTERNAL, body: () => ({ name: unique("tok") }) },
  "DELETE /api/tokens/:id": { allow: INTERNAL, target: "token" },
  "GET /api/sites": { allow: INTERNAL },
  "POST /api/sites": { allow: SITE_EDITORS, body: () => ({ name: unique("Site"), kind: "warehouse", countryCode: "MX" }) },
  "GET /api/sites/:id": { allow: INTERNAL, target: "site" },
  "PATCH /api/sites/:id": { allow: SITE_EDITORS, target: "site", body: () => ({ address: "Av. Reforma 1" }) },
  "POST /api/sites/:id/archive": { allow: SITE_EDITORS, target: "site" },
  "POST /api/sites/:id/restore": { allow: SITE_EDITORS, target: "site" },
  "GET /api/audit/events": { allow: AUDIT_READERS },
  "GET /api/audit/verify": { allow: AUDIT_READERS },
  "GET /api/audit/checkpoints": { allow: AUDIT_READERS },
  "POST /api/audit/checkpoints": { allow: AUDIT_SIGNERS },
  "GET /api/audit/public-key": { allow: AUDIT_READERS },
  // Evidence vault: read = internal roles, write = editors. Uploads are multipart; links use 6.2 (a known MSC ID).
  "GET /api/evidence": { allow: INTERNAL },
  "POST /api/evidence": { allow: EVIDENCE_EDITORS, body: () => evidenceUpload({ title: unique("Evidence"), criterionIds: "6.2" }) },
  "GET /api/evidence/:id": { allow: INTERNAL, target: "evidence" },
  "PATCH /api/evidence/:id": { allow: EVIDENCE_EDITORS, target: "evidence", body: () => ({ title: unique("Renamed"), remindDays: 45 }) },
  "POST /api/evidence/:id/versions": { allow: EVIDENCE_EDITORS, target: "evidence", body: () => evidenceUpload({ note: "Renewed" }) },
  "GET /api/evidence/:id/download": { allow: INTERNAL, target: "evidence" },
  "POST /api/evidence/:id/links": {
    allow: EVIDENCE_EDITORS,
    target: "evidence",
    body: () => ({ targetType: "criterion", targetId: "7.1" }),
  },
  "POST /api/evidence/:id/unlink": {
    allow: EVIDENCE_EDITORS,
    target: "evidence",
    body: () => ({ targetType: "criterion", targetId: "6.2" }),
  },
  "POST /api/evidence/:id/archive": { allow: EVIDENCE_EDITORS, target: "evidence" },
  "POST /api/evidence/:id/restore": { allow: EVIDENCE_EDITORS, target: "evidence" },
  // A check, not an edit: auditors and inspectors may prove the vault intact too.
  "POST /api/evidence/verify": { allow: INTERNAL },
  "GET /api/criteria": { allow: "authenticated" },
  "GET /api/criteria/:criterionId": { allow: "authenticated", params: CRITERION },
  "GET /api/security-profile": { allow: INTERNAL },
  "GET /api/security-profile/gaps": { allow: INTERNAL },
  "GET /api/security-profile/items/:criterionId": { allow: INTERNAL, params: CRITERION },
  "PUT /api/security-profile/items/:criterionId": {
    allow: PROFILE_EDITORS,
    params: CRITERION,
    body: () => ({ status: "partial", narrative: "Seals applied at the dock; the seal log is being digitised." }),
  },
  "POST /api/security-profile/items/:criterionId/approve-na": {
    allow: PROFILE_APPROVERS,
    params: CRITERION,
    // A pending N/A asked for by nobody in particular (no requester), so any approver passes four eyes.
    setup: async ({ h, world }) => {
      await h.rawQuery(
        `INSERT INTO profile_items (tenant_id, criterion_id, status, na_justification) VALUES ($1, '6.2', 'not_applicable', $2)
         ON CONFLICT (tenant_id, criterion_id) DO UPDATE SET status = EXCLUDED.status, na_justification = EXCLUDED.na_justification,
           na_requested_by = NULL, na_approved_by = NULL, na_approved_at = NULL`,
        [world.tenantId, "We ship nothing that can carry a seal."],
      );
    },
  },
  // Custom frameworks: read = internal roles, write = editors. The record maker's framework has control IC-01.
  "GET /api/frameworks": { allow: INTERNAL },
  "POST /api/frameworks/import": { allow: FRAMEWORK_EDITORS, body: frameworkUpload },
  "GET /api/frameworks/:id": { allow: INTERNAL, target: "framework" },
  "PATCH /api/frameworks/:id/controls": {
    allow: FRAMEWORK_EDITORS,
    target: "framework",
    body: () => ({ ref: "IC-01", status: "implemented" }),
  },
  "GET /api/frameworks/:id/coverage": { allow: INTERNAL, target: "framework" },
  "POST /api/frameworks/:id/archive": { allow: FRAMEWORK_EDITORS, target: "framework" },
  // Exports: the library is a catalog (any signed-in user); the profile is company data (internal roles).
  "GET /api/criteria/export": { allow: "authenticated" },
  "GET /api/security-profile/export": { allow: INTERNAL },
  // Procedures: read = internal roles, write = editors, approve/reject = approvers, acknowledge = any internal member.
  // Each :id route gets a procedure in the state it needs (see the procedure kinds in ./records.ts).
  "GET /api/procedures": { allow: INTERNAL },
  "POST /api/procedures": {
    allow: PROCEDURE_EDITORS,
    body: () => ({
      code: unique("SOP"),
      title: "Container inspection",
      body: "Seven-point inspection before loading.",
      criterionIds: ["7.1"],
    }),
  },
  "GET /api/procedures/:id": { allow: INTERNAL, target: "procedure" },
  "PATCH /api/procedures/:id": {
    allow: PROCEDURE_EDITORS,
    target: "procedure",
    body: () => ({ title: unique("Seal SOP"), reviewIntervalMonths: 12 }),
  },
  "POST /api/procedures/:id/versions": {
    allow: PROCEDURE_EDITORS,
    target: "procedure",
    body: () => ({ body: "Seals are issued, logged and verified (VVTT).", changeNote: "Adds VVTT" }),
  },
  "PUT /api/procedures/:id/draft": { allow: PROCEDURE_EDITORS, target: "procedure-draft", body: () => ({ body: "Edited draft text." }) },
  "POST /api/procedures/:id/submit": { allow: PROCEDURE_EDITORS, target: "procedure-draft" },
  "POST /api/procedures/:id/approve": { allow: PROFILE_APPROVERS, target: "procedure-review" },
  "POST /api/procedures/:id/reject": {
    allow: PROFILE_APPROVERS,
    target: "procedure-review",
    body: () => ({ comment: "Say who keeps the seal log." }),
  },
  "POST /api/procedures/:id/acknowledge": { allow: INTERNAL, target: "procedure" },
  "GET /api/procedures/:id/acknowledgements": { allow: INTERNAL, target: "procedure" },
  "POST /api/procedures/:id/archive": { allow: PROCEDURE_EDITORS, target: "procedure" },
  // Annual review: read = internal roles, open and tasks = editors, sign = approvers.
  "GET /api/security-profile/reviews": { allow: INTERNAL },
  "POST /api/security-profile/reviews": { allow: PROCEDURE_EDITORS, body: () => ({}), setup: openReviewWindow },
  "GET /api/security-profile/reviews/compare": { allow: INTERNAL, setup: ensureSignedReview },
  "GET /api/security-profile/reviews/:id": { allow: INTERNAL, target: "review" },
  "PATCH /api/security-profile/reviews/:id/tasks/:categoryId": {
    allow: PROCEDURE_EDITORS,
    target: "review",
    params: { categoryId: "6" },
    body: () => ({ note: unique("Seal audit checked"), status: "done" }),
  },
  "POST /api/security-profile/reviews/:id/sign": {
    allow: PROFILE_APPROVERS,
    target: "review",
    body: () => ({ note: "Reviewed with the team" }),
  },
  // Reminders: any internal member.
  "GET /api/notifications": { allow: INTERNAL },
  "POST /api/notifications/read-all": { allow: INTERNAL },
  "POST /api/notifications/:id/read": { allow: INTERNAL, target: "notification" },
  // Partner/site/lane import (editors) and export (internal roles). Each import commits one new partner.
  "POST /api/imports": { allow: IMPORT_EDITORS, body: importUpload },
  "GET /api/imports/export": { allow: INTERNAL },
  // Business partners: read = internal roles, write = editors; approving, suspending, terminating (a body rule inside
  // the status route, covered by partners.int.test.ts) and questionnaire waivers = approvers.
  "GET /api/partners": { allow: INTERNAL },
  "POST /api/partners": {
    allow: PARTNER_EDITORS,
    body: () => ({
      name: unique("Partner"),
      type: "manufacturer",
      countryCode: "MX",
      identifiers: [{ kind: "rfc", value: "MNO940512AB1" }],
    }),
  },
  "GET /api/partners/:id": { allow: INTERNAL, target: "partner" },
  "PATCH /api/partners/:id": { allow: PARTNER_EDITORS, target: "partner", body: () => ({ notes: unique("Visited"), riskLevel: "high" }) },
  "POST /api/partners/:id/status": {
    allow: PARTNER_EDITORS,
    target: "partner",
    body: () => ({ to: "screening", reason: "Start due diligence" }),
  },
  "POST /api/partners/:id/archive": { allow: PARTNER_EDITORS, target: "partner" },
  "GET /api/partners/:id/sites": { allow: INTERNAL, target: "partner" },
  "POST /api/partners/:id/sites": {
    allow: PARTNER_EDITORS,
    target: "partner",
    body: () => ({ name: unique("Plant"), kind: "factory", countryCode: "MX", latitude: 25.67, longitude: -100.31 }),
  },
  "PATCH /api/partner-sites/:id": { allow: PARTNER_EDITORS, target: "partner-site", body: () => ({ address: unique("Av. Tecnológico") }) },
  "POST /api/partner-sites/:id/archive": { allow: PARTNER_EDITORS, target: "partner-site" },
  "POST /api/partners/:id/certifications": {
    allow: PARTNER_EDITORS,
    target: "partner",
    body: () => ({ program: "mx-oea", certificateId: unique("OEA"), lastVerifiedOn: "2026-01-15" }),
  },
  "PATCH /api/partner-certifications/:id": {
    allow: PARTNER_EDITORS,
    target: "partner-certification",
    body: () => ({ certificateId: unique("CT") }),
  },
  "POST /api/partners/:id/screenings": {
    allow: PARTNER_EDITORS,
    target: "partner",
    body: () => ({ kind: "tbml", result: "concern", indicators: ["tbml.price-mismatch"], performedOn: "2026-01-15" }),
  },
  "POST /api/partners/:id/suppliers": {
    allow: PARTNER_EDITORS,
    target: "partner",
    body: ({ world }) => ({ supplierId: spareSupplierOf(world) }),
  },
  "POST /api/partners/:id/suppliers/remove": {
    allow: PARTNER_EDITORS,
    target: "partner",
    body: ({ world }) => ({ supplierId: linkedSupplierOf(world) }),
  },
  "POST /api/partners/:id/questionnaire-waiver": {
    allow: PARTNER_APPROVERS,
    target: "partner",
    body: ({ recordId }) => ({ certificationId: certificationOf(recordId), reason: "CTPAT member, status verified" }),
  },
  "GET /api/mra-programs": { allow: INTERNAL },
  // Partner questionnaires: read = internal roles, write = editors.
  "GET /api/questionnaires": { allow: INTERNAL },
  "POST /api/questionnaires": { allow: QUESTIONNAIRE_EDITORS, setup: ensureMatrixPartner, body: createQuestionnaireBody },
  "GET /api/questionnaires/:id": { allow: INTERNAL, target: "questionnaire" },
  "POST /api/questionnaires/:id/invitations": {
    allow: QUESTIONNAIRE_EDITORS,
    target: "questionnaire",
    body: () => ({ email: "calidad@partner.example", expiresInDays: 7 }),
  },
  "POST /api/questionnaires/:id/invitations/revoke": { allow: QUESTIONNAIRE_EDITORS, target: "questionnaire" },
  "POST /api/questionnaires/:id/review": { allow: QUESTIONNAIRE_EDITORS, target: "questionnaire-submitted", body: acceptAllBody },
  // The partner's side: links are public (each caller gets a link of its own company); the rest needs a partner session.
  "GET /api/partner-access/:token": { allow: "public", params: { token: LANDING_TOKEN }, setup: pointLandingLink },
  "POST /api/partner-access/exchange": { allow: "public", setup: prepareExchange, body: exchangeBody },
  "GET /api/partner/questionnaire": { allow: "partner" },
  "PUT /api/partner/questionnaire/answers/:criterionId": {
    allow: "partner",
    params: { criterionId: MATRIX_CRITERION },
    setup: reopenPartnerQuestionnaire,
    body: () => ({ answer: "partial", comment: "Sellos ISO 17712 en todas las salidas." }),
  },
  "POST /api/partner/questionnaire/evidence": { allow: "partner", setup: reopenPartnerQuestionnaire, body: partnerEvidenceBody },
  "POST /api/partner/questionnaire/submit": { allow: "partner", setup: answeredPartnerQuestionnaire },
  // Lanes and supply-chain queries: read = internal roles, write = editors (lanes between packaged locations).
  "GET /api/locations": { allow: INTERNAL, query: "q=laredo" },
  "GET /api/lanes": { allow: INTERNAL },
  "POST /api/lanes": { allow: LANE_EDITORS, body: () => laneBody("CNYTN", "USLAX") },
  "GET /api/lanes/:id": { allow: INTERNAL, target: "lane" },
  "PATCH /api/lanes/:id": { allow: LANE_EDITORS, target: "lane", body: () => laneBody("VNSGN", "USLGB") },
  "POST /api/lanes/:id/archive": { allow: LANE_EDITORS, target: "lane" },
  "GET /api/supply-chain/map": { allow: INTERNAL },
  "GET /api/supply-chain/graph": { allow: INTERNAL },
  "GET /api/supply-chain/paths": { allow: INTERNAL, query: "from=port:CNYTN&to=port:USLAX" },
  "GET /api/supply-chain/impact": { allow: INTERNAL, query: "countryCode=CN" },
  "GET /api/supply-chain/uncertified": { allow: INTERNAL },
  // Denied-party screening: read = internal roles, import and rescreen = editors, match decisions = approvers.
  "GET /api/screening/lists": { allow: INTERNAL },
  "POST /api/screening/lists": { allow: SCREENING_EDITORS, body: screeningListUpload },
  "POST /api/screening/run": { allow: SCREENING_EDITORS, body: () => ({}) },
  "GET /api/screening/matches": { allow: INTERNAL },
  "POST /api/screening/matches/:id/decision": {
    allow: SCREENING_APPROVERS,
    target: "screening-match",
    body: () => ({ decision: "confirmed", note: "Same entity: name, address and programs agree" }),
  },
};
