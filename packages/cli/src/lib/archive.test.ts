import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { buildBackupArchive, readBackupArchive, readTar, writeEvidenceFiles, writeTar } from "./archive.ts";
import { UsageError } from "./errors.ts";

describe("readBackupArchive", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portcullis-archive-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A tar of a fake data directory, as PGlite's dumpDataDir lays it out (names start with "/"). */
  function makeTar(entries: Record<string, string>): Buffer {
    const root = fs.mkdtempSync(path.join(dir, "src-"));
    for (const [name, content] of Object.entries(entries)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), content);
    }
    return execFileSync("tar", ["--format=ustar", "-cf", "-", "-C", root, ...Object.keys(entries)]);
  }

  function write(name: string, data: Buffer): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    return file;
  }

  it("accepts an older backup (a gzipped or plain tar of a data directory) and returns the plain tar", async () => {
    const tar = makeTar({ "base/1/112": "x".repeat(1000), PG_VERSION: "17\n" });
    for (const file of [write("ok.tar.gz", gzipSync(tar)), write("ok.tar", tar)]) {
      const backup = readBackupArchive({ file });
      expect(backup.format).toBe(1);
      expect(backup.evidence).toEqual([]);
      expect(backup.database.type).toBe("application/x-tar");
      expect(Buffer.from(await backup.database.arrayBuffer()).equals(tar)).toBe(true);
    }
  });

  /** An evidence directory with `n` content-addressed files of one company, plus a stray upload in tmp/. */
  function makeEvidenceDir(n: number): { dir: string; files: Map<string, Buffer> } {
    const root = fs.mkdtempSync(path.join(dir, "evidence-"));
    const tenant = randomUUID();
    const files = new Map<string, Buffer>();
    for (let i = 0; i < n; i++) {
      const data = Buffer.from(`evidence ${i} ${randomUUID()}`);
      const sha = createHash("sha256").update(data).digest("hex");
      const rel = `${tenant}/${sha.slice(0, 2)}/${sha}`;
      fs.mkdirSync(path.join(root, path.dirname(rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), data);
      files.set(rel, data);
    }
    fs.mkdirSync(path.join(root, "tmp"));
    fs.writeFileSync(path.join(root, "tmp", "upload-in-progress"), "partial");
    return { dir: root, files };
  }

  it("round-trips the database and every evidence file (not temporary uploads) through the current format", async () => {
    const database = makeTar({ PG_VERSION: "17\n", "base/1/1": "y".repeat(700) });
    const source = makeEvidenceDir(3);
    const built = buildBackupArchive({ database, evidenceDir: source.dir });
    expect(built.evidenceFiles).toBe(3);
    const backup = readBackupArchive({ file: write("v2.tar.gz", built.bytes) });
    expect(backup.format).toBe(2);
    expect(Buffer.from(await backup.database.arrayBuffer()).equals(database)).toBe(true);
    expect(new Map(backup.evidence.map((e) => [e.name, Buffer.from(e.data)]))).toEqual(source.files);

    const target = fs.mkdtempSync(path.join(dir, "restored-"));
    expect(writeEvidenceFiles({ evidenceDir: target, files: backup.evidence })).toBe(3);
    for (const [rel, data] of source.files) expect(fs.readFileSync(path.join(target, rel)).equals(data)).toBe(true);
    expect(fs.existsSync(path.join(target, "tmp"))).toBe(false);
    // Restoring again writes nothing new.
    expect(writeEvidenceFiles({ evidenceDir: target, files: backup.evidence })).toBe(0);
  });

  it("refuses a backup whose evidence file no longer matches its hash, or lost a file, before anything is restored", () => {
    const database = makeTar({ PG_VERSION: "17\n" });
    const source = makeEvidenceDir(2);
    const entries = readTar(Buffer.from(gunzipSync(buildBackupArchive({ database, evidenceDir: source.dir }).bytes)));
    const tampered = entries.map((e) => (e.name.startsWith("evidence/") ? { ...e, data: Buffer.from("forged content") } : e));
    expect(() => readBackupArchive({ file: write("tampered.tar", writeTar(tampered)) })).toThrow(
      /is damaged; nothing was restored[\s\S]*hashes to/,
    );
    const dropped = entries.filter((e, i) => !(e.name.startsWith("evidence/") && i === entries.length - 1));
    expect(() => readBackupArchive({ file: write("dropped.tar", writeTar(dropped)) })).toThrow(/listed in the manifest but missing/);
  });

  it("refuses anything else with a usage error naming the file", () => {
    const cases = {
      "random.bin": Buffer.from("definitely not an archive"),
      "other.tar.gz": gzipSync(makeTar({ "notes.txt": "hello" })),
      "broken.gz": Buffer.from([0x1f, 0x8b, 1, 2, 3]),
    };
    for (const [name, data] of Object.entries(cases)) {
      const file = write(name, data);
      expect(() => readBackupArchive({ file }), name).toThrow(UsageError);
      expect(() => readBackupArchive({ file }), name).toThrow(`--from: ${file} is not a Portcullis backup`);
    }
    expect(() => readBackupArchive({ file: path.join(dir, "missing.tar.gz") })).toThrow(/--from: cannot read/);
  });
});
