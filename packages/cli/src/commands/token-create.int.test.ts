import { loadOrCreateSigningKey } from "@portcullis/server/audit/keys.ts";
import { buildApp } from "@portcullis/server/http/app.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliEnv, createCliEnv, parseJsonLine, SETUP_TIMEOUT } from "../test/cli-env.ts";

/** Call GET /api/tenant with a Bearer token on the real app, opened in this process on the CLI's database. */
async function getTenantWithToken(cli: CliEnv, token: string): Promise<{ status: number; legalName?: string }> {
  return cli.withDb(async (db, config) => {
    const app = await buildApp({
      deps: { config, db, key: loadOrCreateSigningKey(config.keyDir), version: "test" },
      logger: false,
      webDist: null,
    });
    try {
      const res = await app.inject({ method: "GET", url: "/api/tenant", headers: { authorization: `Bearer ${token}` } });
      return { status: res.statusCode, legalName: res.statusCode === 200 ? res.json().legalName : undefined };
    } finally {
      await app.close();
    }
  });
}

describe("portcullis token", () => {
  let cli: CliEnv;
  let tenantId: string;
  beforeAll(async () => {
    cli = await createCliEnv();
    const res = await cli.run(
      ["tenant", "create", "--name", "Token Test Co", "--entity-type", "importer", "--admin-email", "owner@token.test", "--json"],
      { env: { PORTCULLIS_ADMIN_PASSWORD: "correct horse battery staple" } },
    );
    tenantId = parseJsonLine<{ tenantId: string }>(res.stdout).tenantId;
  }, SETUP_TIMEOUT);
  afterAll(() => cli.close(), SETUP_TIMEOUT);

  it("token create --json prints the token once; it works against the API, is listed by prefix, and revokes", async () => {
    const res = await cli.run([
      "token",
      "create",
      "--email",
      "owner@token.test",
      "--tenant",
      "Token Test Co",
      "--name",
      "ci",
      "--expires-days",
      "7",
      "--json",
    ]);
    expect(res.code, res.stderr).toBe(0);
    const created = parseJsonLine<{ token: string; id: string; tenantId: string; email: string }>(res.stdout);
    expect(Object.keys(created).sort()).toEqual(["email", "id", "tenantId", "token"]);
    expect(created).toMatchObject({ tenantId, email: "owner@token.test" });
    expect(created.token).toMatch(/^pc_[A-Za-z0-9_-]{40,}$/);

    expect(await getTenantWithToken(cli, created.token)).toEqual({ status: 200, legalName: "Token Test Co" });

    const list = parseJsonLine<{ items: { id: string; prefix: string; status: string; expiresAt: string | null }[] }>(
      (await cli.run(["token", "list", "--tenant", tenantId, "--json"])).stdout,
    );
    expect(list.items).toEqual([expect.objectContaining({ id: created.id, prefix: created.token.slice(0, 10), status: "active" })]);
    expect(JSON.stringify(list)).not.toContain(created.token);

    const revoked = await cli.run(["token", "revoke", "--id", created.id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/^Revoked API token "ci"/);
    expect((await getTenantWithToken(cli, created.token)).status).toBe(401);
  });

  it("without --json prints only the token on stdout, so it can be captured", async () => {
    const res = await cli.run(["token", "create", "--email", "owner@token.test", "--tenant", tenantId]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^pc_[A-Za-z0-9_-]{40,}\n$/);
    expect(res.stderr).toMatch(/shown only this once/);
  });

  it("refuses a token for someone who is not a member, and a malformed id", async () => {
    const [stranger, badId] = await Promise.all([
      cli.run(["token", "create", "--email", "nobody@token.test", "--tenant", tenantId]),
      cli.run(["token", "revoke", "--id", "42"]),
    ]);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toMatch(/nobody@token.test is not an active member of "Token Test Co"/);
    expect(stranger.stdout).toBe("");
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/--id: must be a token id/);
  });
});
