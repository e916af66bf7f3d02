import { type Kysely, sql } from "kysely";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import { randomToken, sha256Hex } from "../../auth/crypto.ts";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/schema.ts";
import { type Tx, withScope } from "../../db/tx.ts";
import { AppError } from "../../errors.ts";
import type { Landing, QuestionnaireLang, QuestionnaireStatus } from "./questionnaires.schema.ts";

/** A partner session lasts until its link would have expired, and never more than 30 days. */
export const PARTNER_SESSION_MAX_MS = 30 * 24 * 3600_000;

// Rate-limit keys live beside the sign-in failures, under their own prefix so neither count feeds the other.
const failureKey = (ip: string) => `partner-link:${ip}`;

/** Failed link look-ups allowed per address within the login window (twice the sign-in allowance: no e-mail to pin). */
export const maxLinkFailures = (config: Pick<Config, "loginMaxFailures">) => config.loginMaxFailures * 2;

// Every way a link can fail answers the same, so nothing about a token can be learnt by probing.
const linkNotFound = () => new AppError("not_found", "This link is not valid. Ask the company that sent it for a new one.");

/** Who is asking, for the rate limit. */
export interface LinkCaller {
  db: Kysely<Database>;
  config: Pick<Config, "loginMaxFailures" | "loginWindowMs">;
  ip: string;
}

interface LiveInvitation {
  id: string;
  tenantId: string;
  questionnaireId: string;
  expiresAt: Date;
}

/**
 * Refuse (429) an address that failed too often lately, checked before the token is even looked at, so a
 * throttled attacker learns nothing either. Counted like sign-in failures (same table, same window).
 */
async function assertNotThrottled(caller: LinkCaller): Promise<void> {
  const since = new Date(Date.now() - caller.config.loginWindowMs);
  const row = await withScope(caller.db, {}, (tx) =>
    tx
      .selectFrom("login_failures")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("at").as("oldest")])
      .where("ip", "=", failureKey(caller.ip))
      .where("at", ">", since)
      .executeTakeFirstOrThrow(),
  );
  if (Number(row.n) >= maxLinkFailures(caller.config)) {
    const oldest = row.oldest ? new Date(row.oldest).getTime() : Date.now();
    const retryAfter = Math.max(1, Math.ceil((oldest + caller.config.loginWindowMs - Date.now()) / 1000));
    throw new AppError(
      "rate_limited",
      `Too many invalid links; try again in ${retryAfter} s`,
      { retryAfterSeconds: retryAfter },
      {
        "retry-after": String(retryAfter),
      },
    );
  }
}

async function failLink(caller: LinkCaller): Promise<never> {
  await withScope(caller.db, {}, (tx) =>
    tx
      .insertInto("login_failures")
      .values({ ip: failureKey(caller.ip), email: "" })
      .execute(),
  );
  throw linkNotFound();
}

/** The invitation a raw token names when it can still be used; null for unknown, used, revoked or expired. */
async function liveInvitation(db: Kysely<Database>, token: string): Promise<LiveInvitation | null> {
  // Only tokens of our own shape are looked up; anything else cannot be one of ours.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  // No company scope exists yet: the SECURITY DEFINER function finds the row by the token's hash alone.
  const { rows } = await withScope(db, {}, (tx) =>
    sql<{
      id: string;
      tenant_id: string;
      questionnaire_id: string;
      expires_at: Date;
      used_at: Date | null;
      revoked_at: Date | null;
    }>`SELECT * FROM auth_partner_invitation(${sha256Hex(token)})`.execute(tx),
  );
  const row = rows[0];
  if (!row || row.used_at || row.revoked_at || new Date(row.expires_at).getTime() <= Date.now()) return null;
  return { id: row.id, tenantId: row.tenant_id, questionnaireId: row.questionnaire_id, expiresAt: new Date(row.expires_at) };
}

/** The company, partner and questionnaire behind an invitation, read in the company's scope. */
async function describe(tx: Tx, inv: LiveInvitation) {
  return tx
    .selectFrom("questionnaires as q")
    .innerJoin("partners as p", (j) => j.onRef("p.id", "=", "q.partner_id").onRef("p.tenant_id", "=", "q.tenant_id"))
    .innerJoin("tenants as t", "t.id", "q.tenant_id")
    .where("q.tenant_id", "=", inv.tenantId)
    .where("q.id", "=", inv.questionnaireId)
    .select(["q.id", "q.status", "q.lang", "q.due_on", "p.name as partner_name", "t.legal_name"])
    .executeTakeFirst();
}

/**
 * GET /api/partner-access/{token}: what the landing page shows. Read-only on purpose: mail scanners and link
 * previews open links, and must not spend them.
 */
export async function describeLink(options: LinkCaller & { token: string }): Promise<Landing> {
  await assertNotThrottled(options);
  const inv = await liveInvitation(options.db, options.token);
  const found = inv && (await withScope(options.db, { tenantId: inv.tenantId }, (tx) => describe(tx, inv)));
  if (!inv || !found) return failLink(options);
  return {
    company: found.legal_name,
    partner: found.partner_name,
    status: found.status as QuestionnaireStatus,
    lang: found.lang as QuestionnaireLang,
    dueOn: found.due_on,
    expiresAt: inv.expiresAt.toISOString(),
  };
}

/** What an exchange hands back: the session id goes only into the cookie. */
export interface ExchangeResult {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * POST /api/partner-access/exchange: spend a link (once: the update only matches an unspent, unrevoked, unexpired
 * row, so two racing exchanges cannot both win) and open a partner session bound to its questionnaire, until the
 * link's expiry or 30 days, whichever comes first. Audited as the partner.
 */
export async function exchangeLink(options: LinkCaller & { token: string; requestId: string }): Promise<ExchangeResult> {
  await assertNotThrottled(options);
  const inv = await liveInvitation(options.db, options.token);
  if (!inv) return failLink(options);
  const sessionId = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Math.min(inv.expiresAt.getTime(), Date.now() + PARTNER_SESSION_MAX_MS));
  const opened = await withScope(options.db, { tenantId: inv.tenantId }, async (tx) => {
    const spent = await tx
      .updateTable("questionnaire_invitations")
      .set({ used_at: new Date() })
      .where("tenant_id", "=", inv.tenantId)
      .where("id", "=", inv.id)
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", new Date())
      .returning("id")
      .executeTakeFirst();
    if (!spent) return false;
    const found = await describe(tx, inv);
    if (!found) throw linkNotFound(); // cannot happen (foreign keys); rolls the spend back
    await tx
      .insertInto("partner_sessions")
      .values({
        id_hash: sha256Hex(sessionId),
        tenant_id: inv.tenantId,
        questionnaire_id: inv.questionnaireId,
        invitation_id: inv.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
      })
      .execute();
    await appendAuditEvent(tx, {
      tenantId: inv.tenantId,
      actor: { id: null, label: `partner:${found.partner_name}` },
      action: "questionnaire.partner_access",
      entityType: "questionnaire",
      entityId: inv.questionnaireId,
      after: { invitationId: inv.id, sessionExpiresAt: expiresAt.toISOString() },
      requestId: options.requestId,
    });
    return true;
  });
  if (!opened) return failLink(options);
  return { sessionId, csrfToken, expiresAt };
}
