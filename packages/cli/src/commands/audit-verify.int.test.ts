import fs from "node:fs";
import path from "node:path";
import type { Db } from "@portcullis/server/db/open.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainReport } from "../lib/verify.ts";
import { type CliEnv, createCliEnv, parseJsonLine, SETUP_TIMEOUT } from "../test/cli-env.ts";

/** Rewrite audit rows as a superuser with triggers off: what an attacker with database access could do. */
async function tamper(db: Db, statements: [string, unknown[]][]): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    for (const [text, values] of statements) {
      await client.query(text, values);
    }
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

describe("portcullis audit", () => {
  let cli: CliEnv;
  let alpha: string;
  let beta: string;
  let checkpointFile: string;
  beforeAll(async () => {
    cli = await createCliEnv();
    checkpointFile = path.join(cli.dataDir, "checkpoints.json");
    const create = (name: string, email: string) =>
      cli
        .run(["tenant", "create", "--name", name, "--entity-type", "importer", "--admin-email", email, "--json"], {
          env: { PORTCULLIS_ADMIN_PASSWORD: "correct horse battery staple" },
        })
        .then((r) => parseJsonLine<{ tenantId: string }>(r.stdout).tenantId);
    // Sequential: on PGlite the second process would find the data directory locked.
    alpha = await create("Alpha Freight", "a@alpha.test");
    beta = await create("Beta Brokers", "b@beta.test");
  }, SETUP_TIMEOUT);
  afterAll(() => cli.close(), SETUP_TIMEOUT);

  it("verify exits 0 and prints one ok line per company when every chain is intact", async () => {
    const res = await cli.run(["audit", "verify"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`ok      Alpha Freight (${alpha}): 1 event, 0 checkpoints`);
    expect(res.stdout).toContain(`ok      Beta Brokers (${beta}): 1 event, 0 checkpoints`);
    expect(res.stdout).toContain("All 2 audit trails are intact.");
  });

  it("checkpoint writes signed checkpoints that verify --checkpoint accepts", async () => {
    const res = await cli.run(["audit", "checkpoint", "--out", checkpointFile]);
    expect(res.code, res.stderr).toBe(0);
    const file = JSON.parse(fs.readFileSync(checkpointFile, "utf8")) as { items: { tenantId: string; seq: number; signature: string }[] };
    expect(file.items.map((c) => c.tenantId).sort()).toEqual([alpha, beta].sort());
    expect(file.items.every((c) => c.seq === 2 && c.signature.length > 40)).toBe(true);

    const verify = await cli.run(["audit", "verify", "--checkpoint", checkpointFile, "--json"]);
    expect(verify.code, verify.stderr).toBe(0);
    const out = parseJsonLine<{ ok: boolean; tenants: ChainReport[] }>(verify.stdout);
    expect(out.ok).toBe(true);
    // Each company: its stored checkpoint plus the one from the file.
    expect(out.tenants.map((t) => t.checkpointsChecked)).toEqual([2, 2]);
  });

  it("exits 3 and names the first broken event; only the exported checkpoint reveals a truncated tail", async () => {
    await cli.withDb((db) =>
      tamper(db, [
        // Alpha: drop the last event and the stored checkpoint, and rewind the head to match.
        ["DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 2", [alpha]],
        ["DELETE FROM audit_checkpoints WHERE tenant_id = $1", [alpha]],
        [
          "UPDATE audit_heads h SET seq = 1, hash = e.hash FROM audit_events e WHERE e.tenant_id = h.tenant_id AND e.seq = 1 AND h.tenant_id = $1",
          [alpha],
        ],
        // Beta: rewrite what the first event says.
        [`UPDATE audit_events SET "after" = '{"legalName":"Someone Else"}'::jsonb WHERE tenant_id = $1 AND seq = 1`, [beta]],
      ]),
    );
    const withoutFile = await cli.run(["audit", "verify", "--json"]);
    expect(withoutFile.code).toBe(3);
    const out = parseJsonLine<{ ok: boolean; tenants: ChainReport[] }>(withoutFile.stdout);
    expect(out.ok).toBe(false);
    expect(out.tenants.find((t) => t.tenantId === alpha)?.ok).toBe(true); // undetectable from the database alone
    expect(out.tenants.find((t) => t.tenantId === beta)?.break).toMatchObject({ kind: "hash-mismatch", seq: 1 });

    const withFile = await cli.run(["audit", "verify", "--tenant", "Alpha Freight", "--checkpoint", checkpointFile]);
    expect(withFile.code).toBe(3);
    expect(withFile.stdout).toMatch(/^BROKEN {2}Alpha Freight \(.+\): event 2 \(checkpoint-mismatch\): .*removed from the tail/m);
    expect(withFile.stdout).toContain("1 of 1 audit trails are BROKEN.");
  });

  it("refuses a checkpoint file that is not a checkpoint export with exit code 2", async () => {
    const bogus = path.join(cli.dataDir, "bogus.json");
    fs.writeFileSync(bogus, JSON.stringify({ hello: "world" }));
    const res = await cli.run(["audit", "verify", "--checkpoint", bogus]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--checkpoint: .* is not a checkpoint export/);
  });
});
