import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { readBackupArchive } from "./archive.ts";
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

  it("accepts a gzipped or plain tar of a data directory and returns the plain tar", async () => {
    const tar = makeTar({ "base/1/112": "x".repeat(1000), PG_VERSION: "17\n" });
    for (const file of [write("ok.tar.gz", gzipSync(tar)), write("ok.tar", tar)]) {
      const blob = readBackupArchive({ file });
      expect(blob.type).toBe("application/x-tar");
      expect(Buffer.from(await blob.arrayBuffer()).equals(tar)).toBe(true);
    }
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
