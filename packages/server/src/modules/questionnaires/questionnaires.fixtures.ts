/** Test fixtures of the questionnaires (int tests and the authorization matrix): rows written as the database owner. */
import { randomBytes, randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { randomToken, sha256Hex } from "../../auth/crypto.ts";
import { PARTNER_COOKIE, PARTNER_CSRF_HEADER } from "../../http/auth-hook.ts";
import type { Harness } from "../../test/harness.ts";
import { entityTypeOfPartner, questionnaireCriteria } from "./questionnaires.items.ts";
import type { QuestionnaireStatus } from "./questionnaires.schema.ts";

/** A partner row (the registry module may not be there to create one through the API). */
export async function insertPartner(
  h: Harness,
  tenantId: string,
  options: { name?: string; type?: string; archived?: boolean } = {},
): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  const name = options.name ?? `Partner ${randomBytes(4).toString("hex")}`;
  await h.rawQuery(
    `INSERT INTO partners (id, tenant_id, name, type, country_code, status, archived_at)
     VALUES ($1, $2, $3, $4, 'MX', 'screening', CASE WHEN $5 THEN now() END)`,
    [id, tenantId, name, options.type ?? "manufacturer", options.archived ?? false],
  );
  return { id, name };
}

/** The criterion IDs a questionnaire for a partner of `type` asks about. */
export function criterionIdsFor(type = "manufacturer"): string[] {
  return questionnaireCriteria(entityTypeOfPartner(type)).map((c) => c.criterionId);
}

/** A questionnaire row with its round-1 items; `answered` fills every item with "yes" (and `submitted` marks it). */
export async function insertQuestionnaire(
  h: Harness,
  options: { tenantId: string; partnerId: string; type?: string; status?: QuestionnaireStatus; answered?: boolean; lang?: "en" | "es" },
): Promise<string> {
  const id = randomUUID();
  const type = options.type ?? "manufacturer";
  const status = options.status ?? "draft";
  await h.rawQuery(
    `INSERT INTO questionnaires (id, tenant_id, partner_id, entity_type, status, lang, due_on, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, current_date + 30, CASE WHEN $5 = 'submitted' THEN now() END)`,
    [id, options.tenantId, options.partnerId, entityTypeOfPartner(type), status, options.lang ?? "en"],
  );
  await h.rawQuery(
    `INSERT INTO questionnaire_answers (tenant_id, questionnaire_id, criterion_id, round, answer)
     SELECT $1, $2, c, 1, $4 FROM unnest($3::text[]) c`,
    [options.tenantId, id, criterionIdsFor(type), options.answered ? "yes" : null],
  );
  return id;
}

/** An invitation row; returns its raw token (only the hash is stored, as the service does). */
export async function insertInvitation(
  h: Harness,
  options: { tenantId: string; questionnaireId: string; expiresInMs?: number; used?: boolean; revoked?: boolean },
): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = randomBytes(32).toString("base64url");
  await h.rawQuery(
    `INSERT INTO questionnaire_invitations (id, tenant_id, questionnaire_id, token_hash, expires_at, used_at, revoked_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5::double precision / 1000),
       CASE WHEN $6 THEN now() END, CASE WHEN $7 THEN now() END)`,
    [
      id,
      options.tenantId,
      options.questionnaireId,
      sha256Hex(token),
      options.expiresInMs ?? 14 * 24 * 3600_000,
      options.used ?? false,
      options.revoked ?? false,
    ],
  );
  return { id, token };
}

/** A caller holding a partner session (cookie + its CSRF header on writes). */
export interface PartnerCaller {
  cookie: string;
  csrfToken: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** Wrap a partner session id and CSRF token as a caller. */
export function partnerCaller(h: Harness, sessionId: string, csrfToken: string): PartnerCaller {
  const cookie = `${PARTNER_COOKIE}=${sessionId}`;
  return {
    cookie,
    csrfToken,
    request: (method, url, body, headers = {}) =>
      h.app.inject({
        method: method as never,
        url,
        headers: { cookie, ...(method === "GET" || method === "HEAD" ? {} : { [PARTNER_CSRF_HEADER]: csrfToken }), ...headers },
        ...(body === undefined ? {} : { payload: body as never }),
      }),
  };
}

/** A partner session for a questionnaire, inserted directly (a spent invitation behind it, as an exchange leaves). */
export async function insertPartnerSession(h: Harness, options: { tenantId: string; questionnaireId: string }): Promise<PartnerCaller> {
  const invitation = await insertInvitation(h, { ...options, used: true });
  const sessionId = randomToken();
  const csrfToken = randomToken(24);
  await h.rawQuery(
    `INSERT INTO partner_sessions (id_hash, tenant_id, questionnaire_id, invitation_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + interval '1 day')`,
    [sha256Hex(sessionId), options.tenantId, options.questionnaireId, invitation.id, csrfToken],
  );
  return partnerCaller(h, sessionId, csrfToken);
}

/** A questionnaire row and everything hanging off it, as JSON: proves a refused write changed nothing. */
export async function questionnaireState(h: Harness, id: string): Promise<string> {
  return JSON.stringify(
    await h.rawQuery(
      `SELECT to_jsonb(q) AS q,
         (SELECT jsonb_agg(to_jsonb(a) ORDER BY a.criterion_id, a.round) FROM questionnaire_answers a WHERE a.questionnaire_id = q.id) AS answers,
         (SELECT jsonb_agg(to_jsonb(i) ORDER BY i.id) FROM questionnaire_invitations i WHERE i.questionnaire_id = q.id) AS invitations,
         (SELECT jsonb_agg(to_jsonb(s) ORDER BY s.id_hash) FROM partner_sessions s WHERE s.questionnaire_id = q.id) AS sessions
       FROM questionnaires q WHERE q.id = $1`,
      [id],
    ),
  );
}
