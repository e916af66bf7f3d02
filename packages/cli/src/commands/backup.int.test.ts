import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { acquireDataDirLock } from "@portcullis/server/db/lock.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliEnv, createCliEnv, parseJsonLine, SETUP_TIMEOUT } from "../test/cli-env.ts";

describe("portcullis backup / restore and the data-directory lock", () => {
  let cli: CliEnv;
  beforeAll(async () => {
    cli = await createCliEnv();
  }, SETUP_TIMEOUT);
  afterAll(() => cli.close(), SETUP_TIMEOUT);

  it.runIf(process.env.TEST_DB !== "postgres")(
    "fails clearly, changing nothing, while another process holds the data directory",
    async () => {
      const release = acquireDataDirLock(cli.dataDir, "fake portcullis serve");
      try {
        const [list, backup] = await Promise.all([
          cli.run(["tenant", "list"]),
          cli.run(["backup", "--out", path.join(cli.dataDir, "never.tar.gz")]),
        ]);
        for (const res of [list, backup]) {
          expect(res.code).toBe(1);
          expect(res.stdout).toBe("");
          expect(res.stderr).toMatch(
            new RegExp(`^error: data directory in use by PID ${process.pid} \\(fake portcullis serve, since .*\\): `),
          );
          expect(res.stderr.trimEnd().split("\n")).toHaveLength(1);
        }
        expect(fs.existsSync(path.join(cli.dataDir, "never.tar.gz"))).toBe(false);
      } finally {
        release();
      }
    },
  );

  it.runIf(process.env.TEST_DB !== "postgres")(
    "backup then restore into another directory round-trips a company with an intact chain",
    async () => {
      const created = await cli.run(
        ["tenant", "create", "--name", "Backup Co", "--entity-type", "exporter", "--admin-email", "owner@backup.test", "--json"],
        { env: { PORTCULLIS_ADMIN_PASSWORD: "correct horse battery staple" } },
      );
      const { tenantId } = parseJsonLine<{ tenantId: string }>(created.stdout);
      // An evidence file as the vault stores it: outside the database, under its SHA-256.
      const evidence = Buffer.from(`seal log scan for ${tenantId}`);
      const sha = createHash("sha256").update(evidence).digest("hex");
      const evidencePath = path.join(tenantId, sha.slice(0, 2), sha);
      fs.mkdirSync(path.join(cli.dataDir, "evidence", path.dirname(evidencePath)), { recursive: true });
      fs.writeFileSync(path.join(cli.dataDir, "evidence", evidencePath), evidence);
      const file = path.join(cli.dataDir, "backup.tar.gz");
      const backup = await cli.run(["backup", "--out", file]);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain("1 evidence file)");
      expect(backup.stdout).toMatch(/audit signing key in .*keys is not in it/);
      expect(fs.readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

      const target = path.join(cli.dataDir, "restored");
      const restore = await cli.run(["restore", "--from", file, "--data-dir", target]);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toContain(`ok      Backup Co (${tenantId}): 1 event, 0 checkpoints`);
      expect(restore.stdout).toContain("The audit trail is intact.");
      expect(restore.stdout).toContain("Evidence files: 1 in the backup, 1 written");
      expect(fs.readFileSync(path.join(target, "evidence", evidencePath)).equals(evidence)).toBe(true);

      const again = await cli.run(["restore", "--from", file, "--data-dir", target]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/already holds a database.*--force/);

      const forced = await cli.run(["restore", "--from", file, "--data-dir", target, "--force"]);
      expect(forced.code, forced.stderr).toBe(0);
      expect(fs.readdirSync(target).some((f) => f.startsWith("pgdata.bak-"))).toBe(true);
      const list = parseJsonLine<{ items: { id: string }[] }>((await cli.run(["tenant", "list", "--json", "--data-dir", target])).stdout);
      expect(list.items.map((t) => t.id)).toEqual([tenantId]);
    },
  );

  it.runIf(process.env.TEST_DB === "postgres")("on PostgreSQL, backup and restore point to pg_dump / pg_restore and exit 2", async () => {
    const [backup, restore] = await Promise.all([
      cli.run(["backup", "--out", path.join(cli.dataDir, "x.tar.gz")]),
      cli.run(["restore", "--from", path.join(cli.dataDir, "x.tar.gz")]),
    ]);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain('pg_dump -Fc "$DATABASE_URL" -f portcullis.dump');
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain('pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" portcullis.dump');
  });
});
