import { type Kysely, sql } from "kysely";
import { appendAuditEvent } from "../../audit/audit.service.ts";
import type { AuthContext } from "../../auth/context.ts";
import { randomToken, sha256Hex, verifyPassword } from "../../auth/crypto.ts";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/schema.ts";
import { withScope } from "../../db/tx.ts";
import { AppError } from "../../errors.ts";
import { isUuid } from "../../http/schemas.ts";
import type { LoginInput, SessionView } from "./auth.schema.ts";

/** Result of a successful login: the raw session id goes only into the cookie. */
export interface LoginResult {
  sessionId: string;
  csrfToken: string;
  view: SessionView;
}

/**
 * Check credentials and open a session. Failures are counted per (address, e-mail) and per address,
 * never per e-mail alone, so an attacker elsewhere cannot lock the real user out.
 */
export async function login(options: {
  db: Kysely<Database>;
  config: Config;
  input: LoginInput;
  ip: string;
  userAgent: string | null;
  requestId: string;
}): Promise<LoginResult> {
  const { db, config, input, ip } = options;
  await assertNotRateLimited(db, config, ip, input.email);
  const user = await withScope(db, {}, (tx) => tx.selectFrom("users").selectAll().where("email", "=", input.email).executeTakeFirst());
  const ok = await verifyPassword(user?.password_hash, input.password);
  if (!user || !ok || !user.active) {
    await withScope(db, {}, (tx) => tx.insertInto("login_failures").values({ ip, email: input.email }).execute());
    throw new AppError("unauthenticated", "Wrong e-mail or password");
  }
  const sessionId = randomToken();
  const csrfToken = randomToken(24);
  return withScope(db, { userId: user.id }, async (tx) => {
    await tx.deleteFrom("login_failures").where("ip", "=", ip).where("email", "=", input.email).execute();
    const memberships = await listMemberships(tx, user.id);
    const wanted = input.tenantId && isUuid(input.tenantId) ? memberships.find((m) => m.tenantId === input.tenantId) : undefined;
    // Without an explicit choice, reopen the company of the user's last session, else their first one.
    const last = await tx
      .selectFrom("sessions")
      .select("tenant_id")
      .where("user_id", "=", user.id)
      .where("tenant_id", "is not", null)
      .orderBy("created_at", "desc")
      .limit(1)
      .executeTakeFirst();
    const first = await tx
      .selectFrom("memberships")
      .select("tenant_id")
      .where("user_id", "=", user.id)
      .where("deactivated_at", "is", null)
      .orderBy("created_at")
      .limit(1)
      .executeTakeFirst();
    const preferred = [last?.tenant_id, first?.tenant_id].map((id) => memberships.find((m) => m.tenantId === id)).find(Boolean);
    const current = wanted ?? preferred ?? memberships[0] ?? null;
    await tx
      .insertInto("sessions")
      .values({
        id_hash: sha256Hex(sessionId),
        user_id: user.id,
        tenant_id: current?.tenantId ?? null,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + config.sessionTtlMs),
        ip,
        user_agent: options.userAgent?.slice(0, 500) ?? null,
      })
      .execute();
    if (current) {
      await sql`SELECT set_config('app.tenant_id', ${current.tenantId}, true)`.execute(tx);
      await appendAuditEvent(tx, {
        tenantId: current.tenantId,
        actor: { id: user.id, label: user.email },
        action: "auth.login",
        entityType: "user",
        entityId: user.id,
        after: { ip },
        requestId: options.requestId,
      });
    }
    return {
      sessionId,
      csrfToken,
      view: {
        user: { id: user.id, email: user.email, displayName: user.display_name, locale: user.locale },
        tenant: current ? { id: current.tenantId, legalName: current.legalName } : null,
        role: current?.role ?? null,
        memberships,
        csrfToken,
        via: "session",
      },
    };
  });
}

async function assertNotRateLimited(db: Kysely<Database>, config: Config, ip: string, email: string): Promise<void> {
  const since = new Date(Date.now() - config.loginWindowMs);
  const rows = await withScope(db, {}, (tx) =>
    tx
      .selectFrom("login_failures")
      .select((eb) => [
        eb.fn.countAll<number>().as("per_ip"),
        eb.fn.count<number>(eb.case().when("email", "=", email).then(1).end()).as("per_pair"),
        eb.fn.min("at").as("oldest"),
      ])
      .where("ip", "=", ip)
      .where("at", ">", since)
      .executeTakeFirstOrThrow(),
  );
  const perPair = Number(rows.per_pair);
  const perIp = Number(rows.per_ip);
  if (perPair >= config.loginMaxFailures || perIp >= config.loginMaxFailures * 10) {
    const oldest = rows.oldest ? new Date(rows.oldest).getTime() : Date.now();
    const retryAfter = Math.max(1, Math.ceil((oldest + config.loginWindowMs - Date.now()) / 1000));
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins; try again in ${retryAfter} s`,
      { retryAfterSeconds: retryAfter },
      {
        "retry-after": String(retryAfter),
      },
    );
  }
}

/** The tenants a user belongs to (active memberships only). */
export async function listMemberships(
  tx: Parameters<Parameters<typeof withScope>[2]>[0],
  userId: string,
): Promise<{ tenantId: string; legalName: string; role: string }[]> {
  const rows = await tx
    .selectFrom("memberships as m")
    .innerJoin("tenants as t", "t.id", "m.tenant_id")
    .select(["m.tenant_id", "t.legal_name", "m.role"])
    .where("m.user_id", "=", userId)
    .where("m.deactivated_at", "is", null)
    .orderBy("t.legal_name")
    .execute();
  return rows.map((r) => ({ tenantId: r.tenant_id, legalName: r.legal_name, role: r.role }));
}

/** Describe the current caller. */
export async function describeSession(options: { db: Kysely<Database>; auth: AuthContext }): Promise<SessionView> {
  const { db, auth } = options;
  return withScope(db, { userId: auth.userId, tenantId: auth.tenantId }, async (tx) => {
    const memberships = await listMemberships(tx, auth.userId);
    const current = memberships.find((m) => m.tenantId === auth.tenantId) ?? null;
    return {
      user: { id: auth.userId, email: auth.email, displayName: auth.displayName, locale: auth.locale },
      tenant: current ? { id: current.tenantId, legalName: current.legalName } : null,
      role: current?.role ?? null,
      memberships,
      csrfToken: auth.csrfToken ?? null,
      via: auth.via,
    };
  });
}

/** Move a session to another tenant the user belongs to. */
export async function switchTenant(options: {
  db: Kysely<Database>;
  auth: AuthContext;
  tenantId: string;
  requestId: string;
}): Promise<SessionView> {
  const { db, auth, tenantId } = options;
  if (auth.via !== "session" || !auth.sessionHash) {
    throw new AppError("rule_violation", "API tokens are bound to one company; create a token in the other company");
  }
  const sessionHash = auth.sessionHash;
  await withScope(db, { userId: auth.userId, tenantId: isUuid(tenantId) ? tenantId : null }, async (tx) => {
    const membership = isUuid(tenantId)
      ? await tx
          .selectFrom("memberships")
          .select("role")
          .where("user_id", "=", auth.userId)
          .where("tenant_id", "=", tenantId)
          .where("deactivated_at", "is", null)
          .executeTakeFirst()
      : undefined;
    if (!membership) {
      throw new AppError("not_found", "Company not found");
    }
    await tx.updateTable("sessions").set({ tenant_id: tenantId }).where("id_hash", "=", sessionHash).execute();
    await appendAuditEvent(tx, {
      tenantId,
      actor: { id: auth.userId, label: auth.email },
      action: "auth.switch_tenant",
      entityType: "user",
      entityId: auth.userId,
      requestId: options.requestId,
    });
  });
  return describeSession({ db, auth: { ...auth, tenantId } });
}

/** End a session now. */
export async function logout(options: { db: Kysely<Database>; auth: AuthContext; requestId: string }): Promise<void> {
  const { db, auth } = options;
  if (auth.via !== "session" || !auth.sessionHash) {
    return;
  }
  const sessionHash = auth.sessionHash;
  await withScope(db, { userId: auth.userId, tenantId: auth.tenantId }, async (tx) => {
    await tx.updateTable("sessions").set({ revoked_at: new Date() }).where("id_hash", "=", sessionHash).execute();
    if (auth.tenantId) {
      await appendAuditEvent(tx, {
        tenantId: auth.tenantId,
        actor: { id: auth.userId, label: auth.email },
        action: "auth.logout",
        entityType: "user",
        entityId: auth.userId,
        requestId: options.requestId,
      });
    }
  });
}
