import fs from "node:fs";
import { gunzipSync } from "node:zlib";
import { UsageError } from "./errors.ts";

const BLOCK = 512;

/**
 * Read a `portcullis backup` file and check it really is a PostgreSQL data directory before anything is
 * moved aside: PGlite fails on a wrong file with a bare zlib error and an unhandled rejection.
 * Returns the uncompressed tar, ready for PGlite's loadDataDir.
 */
export function readBackupArchive(options: { file: string }): Blob {
  const { file } = options;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`--from: cannot read ${file}: ${(err as Error).message}`);
  }
  const notBackup = new UsageError(`--from: ${file} is not a Portcullis backup (the .tar.gz written by 'portcullis backup')`);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw notBackup;
    }
  }
  if (!tarEntryNames(bytes).some((name) => name.replace(/^\/+/, "") === "PG_VERSION")) {
    throw notBackup;
  }
  return new Blob([bytes], { type: "application/x-tar" });
}

/** Entry names of a ustar archive; stops at the first block that is not a valid header. */
function tarEntryNames(tar: Buffer): string[] {
  const names: string[] = [];
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.subarray(257, 262).toString("latin1") !== "ustar") {
      break;
    }
    names.push(header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, ""));
    const size = Number.parseInt(header.subarray(124, 136).toString("latin1").replace(/\0.*$/s, "").trim() || "0", 8);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return names;
}
