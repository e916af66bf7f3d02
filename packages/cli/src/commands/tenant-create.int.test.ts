import { verifyTenantChain } from "@portcullis/server/audit/audit.service.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliEnv, createCliEnv, parseJsonLine, SETUP_TIMEOUT } from "../test/cli-env.ts";

const PASSWORD = "correct horse battery staple";

describe("portcullis tenant / user", () => {
  let cli: CliEnv;
  let acme: { tenantId: string; legalName: string; adminUserId: string; adminEmail: string };
  beforeAll(async () => {
    cli = await createCliEnv();
  }, SETUP_TIMEOUT);
  afterAll(() => cli.close(), SETUP_TIMEOUT);

  it("refuses bad arguments with exit code 2 and one line on stderr", async () => {
    const base = ["tenant", "create", "--name", "Bad Co", "--admin-password", PASSWORD];
    const cases: [string[], RegExp][] = [
      [[...base, "--entity-type", "importer,castle", "--admin-email", "a@bad.test"], /--entity-type: unknown entity type "castle"/],
      [[...base, "--entity-type", "importer"], /required option '--admin-email <email>' not specified/],
      [[...base, "--entity-type", "importer", "--admin-email", "not-an-email"], /--admin-email: not a valid e-mail address/],
    ];
    // These fail before the database is opened, so they can run side by side even on PGlite.
    const results = await Promise.all(cases.map(([args]) => cli.run(args)));
    // This one needs the database (is the e-mail new?) and must still write nothing.
    results.push(await cli.run(["tenant", "create", "--name", "Bad Co", "--entity-type", "importer", "--admin-email", "a@bad.test"]));
    cases.push([[], /--admin-password is required: a@bad.test has no account yet/]);
    results.forEach((res, i) => {
      expect(res.code, res.stderr).toBe(2);
      expect(res.stdout).toBe("");
      expect(res.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(res.stderr).toMatch(cases[i]?.[1] ?? /never/);
    });
  });

  it("tenant create --json prints exactly one JSON object; the company is the only one listed", async () => {
    const created = await cli.run([
      ...["tenant", "create", "--name", "Acme Imports", "--entity-type", "importer,3pl", "--entity-type", "importer"],
      ...["--admin-email", "Owner@Acme.TEST", "--admin-password", PASSWORD, "--json"],
    ]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    acme = parseJsonLine(created.stdout);
    expect(Object.keys(acme).sort()).toEqual(["adminEmail", "adminUserId", "legalName", "tenantId"]);
    expect(acme).toMatchObject({ legalName: "Acme Imports", adminEmail: "owner@acme.test" });
    // Only this company: the refused commands above wrote nothing.
    const list = parseJsonLine<{ items: { id: string; entityTypes: string[]; activeMembers: number }[] }>(
      (await cli.run(["tenant", "list", "--json"])).stdout,
    );
    expect(list.items).toEqual([expect.objectContaining({ id: acme.tenantId, entityTypes: ["importer", "3pl"], activeMembers: 1 })]);
  });

  it("user add creates an account, reuses it in another company, and refuses a duplicate", async () => {
    const beta = parseJsonLine<{ tenantId: string }>(
      (await cli.run(["tenant", "create", "--name", "Beta Logistics", "--entity-type", "3pl", "--admin-email", acme.adminEmail, "--json"]))
        .stdout,
    );
    const added = await cli.run(
      ["user", "add", "--email", "ana@acme.test", "--tenant", "Acme Imports", "--role", "analyst", "--name", "Ana"],
      {
        env: { PORTCULLIS_USER_PASSWORD: PASSWORD },
      },
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Added ana@acme.test to "Acme Imports" as analyst \(new account/);
    const again = await cli.run(["user", "add", "--email", "ana@acme.test", "--tenant", beta.tenantId, "--role", "inspector", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(parseJsonLine(again.stdout)).toMatchObject({
      email: "ana@acme.test",
      tenantId: beta.tenantId,
      role: "inspector",
      created: false,
    });
    const dup = await cli.run(["user", "add", "--email", "ana@acme.test", "--tenant", beta.tenantId, "--role", "admin"]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already a member of "Beta Logistics"/);
  });

  it("user deactivate ends one company's sessions and tokens, or the whole account, with audit events", async () => {
    const token = parseJsonLine<{ id: string }>(
      (await cli.run(["token", "create", "--email", "ana@acme.test", "--tenant", acme.tenantId, "--json"])).stdout,
    );
    const ana = await cli.withDb(async (db) => {
      const user = await db.kysely.selectFrom("users").select("id").where("email", "=", "ana@acme.test").executeTakeFirstOrThrow();
      await db.pool.query(
        "INSERT INTO sessions (id_hash, user_id, tenant_id, csrf_token, expires_at) VALUES ($1, $2, $3, 'x', now() + interval '1 hour')",
        [`session-${Date.now()}`, user.id, acme.tenantId],
      );
      return user.id;
    });

    const inAcme = await cli.run(["user", "deactivate", "--email", "ana@acme.test", "--tenant", "Acme Imports"]);
    expect(inAcme.code, inAcme.stderr).toBe(0);
    expect(inAcme.stdout).toMatch(/1 session and 1 API token revoked/);
    await cli.withDb(async (db) => {
      const memberships = await db.kysely
        .selectFrom("memberships")
        .select(["tenant_id", "deactivated_at"])
        .where("user_id", "=", ana)
        .execute();
      expect(memberships.find((m) => m.tenant_id === acme.tenantId)?.deactivated_at).not.toBeNull();
      expect(memberships.find((m) => m.tenant_id !== acme.tenantId)?.deactivated_at).toBeNull();
      const tok = await db.kysely.selectFrom("api_tokens").select("revoked_at").where("id", "=", token.id).executeTakeFirstOrThrow();
      expect(tok.revoked_at).not.toBeNull();
      const event = await db.kysely
        .selectFrom("audit_events")
        .select(["actor_id", "actor_label"])
        .where("tenant_id", "=", acme.tenantId)
        .where("action", "=", "user.deactivate")
        .executeTakeFirstOrThrow();
      expect(event.actor_id).toBeNull();
      expect(event.actor_label).toMatch(/^cli:/);
    });

    const everywhere = await cli.run(["user", "deactivate", "--email", "ana@acme.test"]);
    expect(everywhere.code, everywhere.stderr).toBe(0);
    expect(everywhere.stdout).toMatch(/Deactivated ana@acme.test everywhere: .* recorded in 2 audit trails/);
    await cli.withDb(async (db) => {
      const user = await db.kysely.selectFrom("users").select("active").where("id", "=", ana).executeTakeFirstOrThrow();
      expect(user.active).toBe(false);
      const { rows } = await db.pool.query(
        "SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.deactivate' AND entity_id = $1",
        [ana],
      );
      expect(rows[0].n).toBe(3);
      // Every CLI write went through the chain: both companies still verify.
      for (const t of await db.kysely.selectFrom("tenants").select("id").execute()) {
        expect(await verifyTenantChain({ db: db.kysely, tenantId: t.id })).toMatchObject({ ok: true, break: null });
      }
    });
  });
});
