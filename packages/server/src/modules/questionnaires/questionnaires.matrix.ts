/**
 * Fixtures of the authorization matrix (test/authz-matrix.int.test.ts) for the questionnaires: record makers, the
 * partner-session principal, and the setups that put each company's links and questionnaires in the state a route
 * needs before every request. Owner SQL only, and only in the company being asked about.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { sha256Hex } from "../../auth/crypto.ts";
import type { Rec, World } from "../../test/authz/world.ts";
import type { Harness } from "../../test/harness.ts";
import { Multipart } from "../../test/multipart.ts";
import {
  criterionIdsFor,
  insertInvitation,
  insertPartner,
  insertPartnerSession,
  insertQuestionnaire,
  questionnaireState,
} from "./questionnaires.fixtures.ts";

/** 6.2 (ISO 17712 seals) is asked of foreign manufacturers, the matrix partners' type. */
export const MATRIX_CRITERION = "6.2";

/** One background partner per company, for creating questionnaires and as the owner of the fixtures. */
const partners = new WeakMap<World, string>();
async function partnerOf(h: Harness, world: World): Promise<string> {
  const known = partners.get(world);
  if (known) return known;
  const partner = await insertPartner(h, world.tenantId, { name: `Partner ${world.name} ${randomBytes(4).toString("hex")}` });
  world.markers.add(partner.id).add(partner.name);
  partners.set(world, partner.id);
  return partner.id;
}

/** Setup of POST /api/questionnaires: the company has a partner to send one to. */
export async function ensureMatrixPartner({ h, world }: { h: Harness; world: World }): Promise<void> {
  await partnerOf(h, world);
}

/** Body of POST /api/questionnaires, for the caller's company (after {@link ensureMatrixPartner}). */
export function createQuestionnaireBody({ world }: { world: World }) {
  const dueOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return { partnerId: partners.get(world) ?? "no-partner-yet", dueOn, lang: "es" };
}

/** Body of POST /api/questionnaires/{id}/review: accept every item of a submitted fixture. */
export function acceptAllBody() {
  return { items: criterionIdsFor().map((criterionId) => ({ criterionId, decision: "accept" })) };
}

/** Maker of the "questionnaire" kind (sent: invitations and revocation apply) and "questionnaire-submitted" (reviewable). */
export function questionnaireMaker(kind: "sent" | "submitted") {
  return async (h: Harness, world: World): Promise<Rec> => {
    const partnerId = await partnerOf(h, world);
    const id = await insertQuestionnaire(h, { tenantId: world.tenantId, partnerId, status: kind, answered: kind === "submitted" });
    world.markers.add(id);
    return { id, read: () => questionnaireState(h, id) };
  };
}

// ─── Links ──────────────────────────────────────────────────────────────────────────────────────────

/** The landing route's token: fixed (it is a path parameter), re-pointed at the asking company before each request. */
export const LANDING_TOKEN = randomBytes(32).toString("base64url");
const landingQuestionnaires = new WeakMap<World, string>();

/** Setup of GET /api/partner-access/{token}: the fixed link opens a questionnaire of the caller's own company. */
export async function pointLandingLink({ h, world }: { h: Harness; world: World }): Promise<void> {
  let id = landingQuestionnaires.get(world);
  if (!id) {
    id = await insertQuestionnaire(h, { tenantId: world.tenantId, partnerId: await partnerOf(h, world), status: "sent" });
    world.markers.add(id);
    landingQuestionnaires.set(world, id);
  }
  await h.rawQuery(
    `INSERT INTO questionnaire_invitations (id, tenant_id, questionnaire_id, token_hash, expires_at)
     VALUES ($4, $1, $2, $3, now() + interval '14 days')
     ON CONFLICT (token_hash) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, questionnaire_id = EXCLUDED.questionnaire_id`,
    [world.tenantId, id, sha256Hex(LANDING_TOKEN), randomUUID()],
  );
}

let exchangeToken = "";
/** Setup of POST /api/partner-access/exchange: a fresh link of the caller's company (each exchange spends one). */
export async function prepareExchange({ h, world }: { h: Harness; world: World }): Promise<void> {
  let id = landingQuestionnaires.get(world);
  if (!id) {
    await pointLandingLink({ h, world });
    id = landingQuestionnaires.get(world) as string;
  }
  exchangeToken = (await insertInvitation(h, { tenantId: world.tenantId, questionnaireId: id })).token;
}

/** Body of POST /api/partner-access/exchange (after {@link prepareExchange}). */
export const exchangeBody = () => ({ token: exchangeToken });

// ─── The partner-session principal ──────────────────────────────────────────────────────────────────

/** What the matrix needs to call as a partner. */
export interface MatrixPartnerSession {
  cookie: string;
  csrfToken: string;
  questionnaireId: string;
}

const sessions = new WeakMap<World, MatrixPartnerSession>();

/** Open a partner session in `world` for a questionnaire of its own (A's, in the matrix). */
export async function openMatrixPartnerSession(h: Harness, world: World): Promise<MatrixPartnerSession> {
  const partnerId = await partnerOf(h, world);
  const questionnaireId = await insertQuestionnaire(h, { tenantId: world.tenantId, partnerId, status: "in_progress" });
  const caller = await insertPartnerSession(h, { tenantId: world.tenantId, questionnaireId });
  const session = { cookie: caller.cookie, csrfToken: caller.csrfToken, questionnaireId };
  world.markers
    .add(questionnaireId)
    .add(caller.cookie.split("=")[1] as string)
    .add(caller.csrfToken);
  sessions.set(world, session);
  return session;
}

/** Setup of the partner writes: the session's questionnaire is open again (a previous request may have submitted it). */
export async function reopenPartnerQuestionnaire({ h, world }: { h: Harness; world: World }): Promise<void> {
  const session = sessions.get(world);
  if (!session) return;
  await h.rawQuery("UPDATE questionnaires SET status = 'in_progress', submitted_at = NULL WHERE id = $1", [session.questionnaireId]);
}

/** Setup of the submit route: open, with every item answered. */
export async function answeredPartnerQuestionnaire({ h, world }: { h: Harness; world: World }): Promise<void> {
  await reopenPartnerQuestionnaire({ h, world });
  const session = sessions.get(world);
  if (!session) return;
  await h.rawQuery("UPDATE questionnaire_answers SET answer = 'yes' WHERE questionnaire_id = $1", [session.questionnaireId]);
}

/** Body of the partner's evidence upload. */
export const partnerEvidenceBody = () =>
  new Multipart({
    criterionId: MATRIX_CRITERION,
    file: { filename: "sellos.txt", contentType: "text/plain", data: `Registro de sellos ${randomBytes(4).toString("hex")}\n` },
  });
