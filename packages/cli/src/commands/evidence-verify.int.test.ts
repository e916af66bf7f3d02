import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SYSTEM_ACTOR } from "@portcullis/server/audit/audit.service.ts";
import { withSystem } from "@portcullis/server/db/tx.ts";
import { insertEvidence } from "@portcullis/server/modules/evidence/evidence.service.ts";
import { evidenceFilePath } from "@portcullis/server/modules/evidence/evidence.store.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliEnv, createCliEnv, parseJsonLine, SETUP_TIMEOUT } from "../test/cli-env.ts";

describe("portcullis evidence verify", () => {
  let cli: CliEnv;
  let tenantId: string;
  let file: string;
  const bytes = Buffer.from("Seal log, dock 3, week 47\n");

  beforeAll(async () => {
    cli = await createCliEnv();
    const created = await cli.run(
      ["tenant", "create", "--name", "Vault Co", "--entity-type", "importer", "--admin-email", "owner@vault.test", "--json"],
      { env: { PORTCULLIS_ADMIN_PASSWORD: "correct horse battery staple" } },
    );
    tenantId = parseJsonLine<{ tenantId: string }>(created.stdout).tenantId;
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await cli.withDb(async (db, config) => {
      await withSystem(db.kysely, (tx) =>
        insertEvidence(tx, {
          tenantId,
          actor: SYSTEM_ACTOR,
          requestId: null,
          input: { title: "Seal log", criterionIds: ["6.2"] },
          file: { sha256, size: bytes.length, mediaType: "text/plain", filename: "seal-log.txt" },
        }),
      );
      file = evidenceFilePath(config.evidenceDir, tenantId, sha256);
    });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }, SETUP_TIMEOUT);
  afterAll(() => cli.close(), SETUP_TIMEOUT);

  it("exits 0 when every file matches, and 3 naming the version when one is damaged", async () => {
    const ok = await cli.run(["evidence", "verify", "--json"]);
    expect(ok.code, ok.stderr).toBe(0);
    const report = parseJsonLine<{ ok: boolean; tenants: { tenantId: string; files: number; versions: number }[] }>(ok.stdout);
    expect(report.ok).toBe(true);
    expect(report.tenants).toEqual([expect.objectContaining({ tenantId, files: 1, versions: 1 })]);

    fs.writeFileSync(file, Buffer.alloc(bytes.length, "z"));
    const bad = await cli.run(["evidence", "verify", "--tenant", "Vault Co"]);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toContain(`DAMAGED Vault Co (${tenantId}): 1 file for 1 version, 1 not as recorded`);
    expect(bad.stdout).toContain("damaged");
    expect(bad.stdout).toContain('"Seal log" v1 (seal-log.txt)');

    const events = await cli.withDb((db) =>
      db.pool.query("SELECT after FROM audit_events WHERE tenant_id = $1 AND action = 'evidence.verify' ORDER BY seq", [tenantId]),
    );
    expect(events.rows.map((r) => r.after.ok)).toEqual([true, false]);
  });
});
