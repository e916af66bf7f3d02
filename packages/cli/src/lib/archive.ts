import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { UsageError } from "./errors.ts";

const BLOCK = 512;
/** The manifest that marks a backup written by this version (format 2: database + evidence files). */
export const MANIFEST_NAME = "portcullis-backup.json";
const DATABASE_NAME = "database.tar";
const EVIDENCE_PREFIX = "evidence/";

/** One file inside a tar archive. */
export interface TarEntry {
  name: string;
  data: Buffer;
}

/** What a backup holds once read and checked. */
export interface BackupContents {
  /** The embedded database's data directory as a tar, ready for PGlite's loadDataDir. */
  database: Blob;
  /** Evidence files, relative to the evidence directory (`<tenant>/<ab>/<sha256>`), each checked against its name. */
  evidence: TarEntry[];
  /** 1 = a bare database tar (before evidence files existed); 2 = manifest + database + evidence. */
  format: 1 | 2;
}

/** Manifest of a format-2 backup. */
interface Manifest {
  format: 2;
  createdAt: string;
  evidence: { path: string; sha256: string; size: number }[];
}

/**
 * Build a backup file (gzip of a ustar archive): the manifest, the database tar, and every evidence file.
 * Evidence files are stored under their content address, so a restore can prove each one intact.
 */
export function buildBackupArchive(options: { database: Uint8Array; evidenceDir: string; now?: Date }): {
  bytes: Buffer;
  evidenceFiles: number;
} {
  const evidence = listEvidenceFiles(options.evidenceDir);
  const manifest: Manifest = {
    format: 2,
    createdAt: (options.now ?? new Date()).toISOString(),
    evidence: evidence.map((e) => ({ path: e.name, sha256: path.basename(e.name), size: e.data.length })),
  };
  const entries: TarEntry[] = [
    { name: MANIFEST_NAME, data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    { name: DATABASE_NAME, data: Buffer.from(options.database) },
    ...evidence.map((e) => ({ name: `${EVIDENCE_PREFIX}${e.name}`, data: e.data })),
  ];
  return { bytes: gzipSync(writeTar(entries)), evidenceFiles: evidence.length };
}

/**
 * Read a `portcullis backup` file and check it before anything is moved aside: the database must really be a
 * PostgreSQL data directory (PGlite fails on a wrong file with a bare zlib error), and every evidence file must
 * hash to its name. Accepts both the current format and the older bare database tar.
 */
export function readBackupArchive(options: { file: string }): BackupContents {
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
  const entries = readTar(bytes);
  const isDataDir = (tar: TarEntry[]) => tar.some((e) => e.name.replace(/^\/+/, "") === "PG_VERSION");
  const manifestEntry = entries.find((e) => e.name === MANIFEST_NAME);
  if (!manifestEntry) {
    if (!isDataDir(entries)) throw notBackup;
    return { database: new Blob([bytes], { type: "application/x-tar" }), evidence: [], format: 1 };
  }
  const dbEntry = entries.find((e) => e.name === DATABASE_NAME);
  if (!dbEntry || !isDataDir(readTar(dbEntry.data))) throw notBackup;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestEntry.data.toString("utf8")) as Manifest;
  } catch {
    throw notBackup;
  }
  const evidence = entries
    .filter((e) => e.name.startsWith(EVIDENCE_PREFIX))
    .map((e) => ({ name: e.name.slice(EVIDENCE_PREFIX.length), data: e.data }));
  const problems = checkEvidence(evidence, manifest);
  if (problems.length > 0) {
    throw new UsageError(`--from: ${file} is damaged; nothing was restored:\n  ${problems.slice(0, 10).join("\n  ")}`);
  }
  return { database: new Blob([dbEntry.data], { type: "application/x-tar" }), evidence, format: 2 };
}

/** Write evidence files into the evidence directory (existing identical files are left alone). */
export function writeEvidenceFiles(options: { evidenceDir: string; files: TarEntry[] }): number {
  let written = 0;
  for (const f of options.files) {
    const target = path.join(options.evidenceDir, f.name);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.restore-${process.pid}`;
    fs.writeFileSync(temp, f.data, { mode: 0o600 });
    fs.renameSync(temp, target);
    written += 1;
  }
  return written;
}

// A content address: <tenant uuid>/<first two hex digits>/<sha256>.
const EVIDENCE_PATH = /^[0-9a-f-]{36}\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

function checkEvidence(files: TarEntry[], manifest: Manifest): string[] {
  const problems: string[] = [];
  const listed = new Map((manifest.evidence ?? []).map((e) => [e.path, e]));
  for (const f of files) {
    const m = EVIDENCE_PATH.exec(f.name);
    if (!m || m[2]?.slice(0, 2) !== m[1]) {
      problems.push(`evidence/${f.name}: not a content address`);
      continue;
    }
    const actual = createHash("sha256").update(f.data).digest("hex");
    if (actual !== m[2]) problems.push(`evidence/${f.name}: content hashes to ${actual}`);
    if (!listed.delete(f.name)) problems.push(`evidence/${f.name}: not in the manifest`);
  }
  for (const missing of listed.keys()) problems.push(`evidence/${missing}: listed in the manifest but missing`);
  return problems;
}

/** Every stored evidence file under `dir` (temporary uploads in tmp/ are not evidence). */
function listEvidenceFiles(dir: string): TarEntry[] {
  if (!fs.existsSync(dir)) return [];
  const out: TarEntry[] = [];
  for (const tenant of fs.readdirSync(dir).sort()) {
    const tenantDir = path.join(dir, tenant);
    if (tenant === "tmp" || !fs.statSync(tenantDir).isDirectory()) continue;
    for (const shard of fs.readdirSync(tenantDir).sort()) {
      const shardDir = path.join(tenantDir, shard);
      if (!fs.statSync(shardDir).isDirectory()) continue;
      for (const name of fs.readdirSync(shardDir).sort()) {
        const rel = `${tenant}/${shard}/${name}`;
        if (EVIDENCE_PATH.test(rel)) out.push({ name: rel, data: fs.readFileSync(path.join(shardDir, name)) });
      }
    }
  }
  return out;
}

/** A minimal ustar writer: regular files only, names up to 100 bytes (ours are ~110 with the prefix field). */
export function writeTar(entries: TarEntry[]): Buffer {
  const chunks: Buffer[] = [];
  for (const e of entries) {
    const header = Buffer.alloc(BLOCK);
    let name = e.name;
    let prefix = "";
    if (Buffer.byteLength(name) > 100) {
      const cut = name.lastIndexOf("/", name.length - 1);
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
    header.write(name, 0, 100, "utf8");
    header.write("0000600\0", 100, "latin1");
    header.write("0000000\0", 108, "latin1");
    header.write("0000000\0", 116, "latin1");
    header.write(`${e.data.length.toString(8).padStart(11, "0")}\0`, 124, "latin1");
    header.write(
      `${Math.floor(Date.now() / 1000)
        .toString(8)
        .padStart(11, "0")}\0`,
      136,
      "latin1",
    );
    header.write("        ", 148, "latin1");
    header.write("0", 156, "latin1");
    header.write("ustar\0", 257, "latin1");
    header.write("00", 263, "latin1");
    header.write(prefix, 345, 155, "utf8");
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
    chunks.push(header, e.data, Buffer.alloc((BLOCK - (e.data.length % BLOCK)) % BLOCK));
  }
  chunks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(chunks);
}

/** Entries of a ustar archive (regular files); stops at the first block that is not a valid header. */
export function readTar(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.subarray(257, 262).toString("latin1") !== "ustar") {
      break;
    }
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    const start = offset + BLOCK;
    if (type === "0" || type === "") entries.push({ name, data: tar.subarray(start, start + size) });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
