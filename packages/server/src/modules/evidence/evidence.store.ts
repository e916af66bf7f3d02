import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { AppError } from "../../errors.ts";
import { isUuid } from "../../http/schemas.ts";

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Where a file lives in the vault: `<evidence dir>/<tenantId>/<sha[0..2]>/<sha256>`. Both parts are checked
 * (a UUID and 64 hex digits), so nothing a client sends can steer the path.
 */
export function evidenceFilePath(evidenceDir: string, tenantId: string, sha256: string): string {
  if (!isUuid(tenantId) || !SHA256_HEX.test(sha256)) {
    throw new TypeError("evidenceFilePath: tenantId must be a UUID and sha256 64 lower-case hex digits");
  }
  return path.join(evidenceDir, tenantId.toLowerCase(), sha256.slice(0, 2), sha256);
}

/** The vault's folder for files still being received (same file system, so the final rename is atomic). */
export function evidenceTmpDir(evidenceDir: string): string {
  return path.join(evidenceDir, "tmp");
}

/**
 * Move a received temporary file to its content address. When the vault already holds those bytes (the same
 * hash), the temporary file is simply deleted: one copy per tenant, however many versions point at it.
 */
export async function placeEvidenceFile(options: {
  evidenceDir: string;
  tenantId: string;
  sha256: string;
  tmpPath: string;
}): Promise<void> {
  const final = evidenceFilePath(options.evidenceDir, options.tenantId, options.sha256);
  await fs.promises.mkdir(path.dirname(final), { recursive: true, mode: 0o700 });
  if (await exists(final)) {
    await fs.promises.rm(options.tmpPath, { force: true });
    return;
  }
  // rename replaces atomically: a concurrent upload of the same bytes can only put identical content there.
  await fs.promises.rename(options.tmpPath, final);
}

/**
 * Run `transaction` (which writes the rows describing the file) and only once it has committed move the
 * temporary file into the vault. If anything fails, before or after the commit, the temporary file is removed:
 * a failed upload leaves neither a row nor a file behind.
 */
export async function commitEvidenceFile<T>(options: {
  evidenceDir: string;
  tenantId: string;
  file: { tmpPath: string; sha256: string };
  transaction: () => Promise<T>;
}): Promise<T> {
  const { evidenceDir, tenantId, file } = options;
  try {
    const result = await options.transaction();
    await placeEvidenceFile({ evidenceDir, tenantId, sha256: file.sha256, tmpPath: file.tmpPath });
    return result;
  } finally {
    await fs.promises.rm(file.tmpPath, { force: true });
  }
}

/** Write bytes made by the server (demo data) to a temporary file in the vault, as an upload would arrive. */
export async function writeTempEvidence(evidenceDir: string, data: Buffer): Promise<{ tmpPath: string; sha256: string; size: number }> {
  const dir = evidenceTmpDir(evidenceDir);
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmpPath = path.join(dir, `${randomUUID()}.upload`);
  await fs.promises.writeFile(tmpPath, data, { flag: "wx", mode: 0o600 });
  return { tmpPath, sha256: createHash("sha256").update(data).digest("hex"), size: data.length };
}

/** What the vault holds for one recorded file. */
export type StoredFileState = "ok" | "missing" | "damaged";

/**
 * Check one stored file against what the database recorded: present, the recorded size, and (unless only the
 * size is asked for) the recorded SHA-256, re-read from disk.
 */
export async function checkEvidenceFile(options: {
  evidenceDir: string;
  tenantId: string;
  sha256: string;
  size: number;
  sizeOnly?: boolean;
}): Promise<StoredFileState> {
  const file = evidenceFilePath(options.evidenceDir, options.tenantId, options.sha256);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) return "missing";
  if (stat.size !== options.size) return "damaged";
  if (options.sizeOnly) return "ok";
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex") === options.sha256 ? "ok" : "damaged";
}

/**
 * Open a stored file for download. A missing file or one of the wrong size is refused before anything is sent
 * (410 file_missing: the record stands, its bytes are gone). The bytes are hashed as they stream; if they turn out
 * not to be the recorded SHA-256 the stream fails at its end, so the client sees an aborted transfer instead of
 * silently altered evidence. `headOnly` checks the file without opening it (HEAD requests).
 */
export async function openEvidenceFile(options: {
  evidenceDir: string;
  tenantId: string;
  sha256: string;
  size: number;
  headOnly?: boolean;
}): Promise<Readable> {
  const state = await checkEvidenceFile({ ...options, sizeOnly: true });
  if (state !== "ok") {
    throw new AppError(
      "file_missing",
      "The stored file of this version is missing or damaged; upload it again as a new version (the vault check lists every such file)",
      { sha256: options.sha256, state },
    );
  }
  if (options.headOnly) return Readable.from([]);
  const file = evidenceFilePath(options.evidenceDir, options.tenantId, options.sha256);
  const hash = createHash("sha256");
  const verify = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const actual = hash.digest("hex");
      callback(actual === options.sha256 ? null : new Error(`evidence file ${options.sha256} reads as ${actual}: damaged on disk`));
    },
  });
  return fs.createReadStream(file).pipe(verify);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.promises.access(file);
    return true;
  } catch {
    return false;
  }
}
