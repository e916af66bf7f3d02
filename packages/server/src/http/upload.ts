import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";

/** The one file part of an upload, already on disk in a temporary file. */
export interface ReceivedFile {
  /** Temporary file holding exactly the uploaded bytes; move it or call `discard()`. */
  tmpPath: string;
  /** The client's file name, reduced to a safe base name (never empty). */
  filename: string;
  /** The Content-Type the client declared for the part, lower case without parameters ("" when none). */
  declaredType: string;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  size: number;
}

/** What {@link receiveUpload} read from a multipart request. */
export interface ReceivedUpload {
  /** The text fields by name (each sent at most once); parse them with zod. */
  fields: Record<string, string>;
  file: ReceivedFile | null;
  /** Delete the temporary file if it is still there. Safe to call twice and after the file was moved away. */
  discard(): Promise<void>;
}

/** Options of {@link receiveUpload}. */
export interface ReceiveUploadOptions {
  /** Largest file accepted, in bytes; a larger one is refused with 413 payload_too_large. */
  maxBytes: number;
  /** Folder for the temporary file; defaults to `<evidence dir>/tmp` (same file system as the vault, so a rename is atomic). */
  tmpDir?: string;
  /** Name of the file field; a file under another name is refused (default "file"). */
  fileField?: string;
}

/**
 * Read a multipart/form-data request: stream its single file part into a temporary file while hashing
 * (SHA-256) and counting it, and collect the text fields. Whatever fails (size, malformed body, a second
 * file, a disk error), the temporary file is gone before the error reaches the caller. On success the
 * caller owns the temporary file and must move it or call `discard()` (use try/finally).
 */
export async function receiveUpload(req: FastifyRequest, options: ReceiveUploadOptions): Promise<ReceivedUpload> {
  if (!req.isMultipart()) {
    throw new AppError("unsupported_media_type", "Send the upload as multipart/form-data");
  }
  const tmpDir = options.tmpDir ?? path.join(req.server.deps.config.evidenceDir, "tmp");
  const fileField = options.fileField ?? "file";
  const fields: Record<string, string> = Object.create(null);
  let file: ReceivedFile | null = null;
  let tmpPath: string | null = null;
  const discard = async () => {
    if (tmpPath) await fs.promises.rm(tmpPath, { force: true });
  };
  try {
    const parts = req.parts({ limits: { fileSize: options.maxBytes, files: 1 } });
    for await (const part of parts) {
      if (part.type === "file") {
        if (part.fieldname !== fileField || file) {
          part.file.resume();
          throw new AppError("bad_request", `Send exactly one file, in the "${fileField}" field`);
        }
        await fs.promises.mkdir(tmpDir, { recursive: true, mode: 0o700 });
        tmpPath = path.join(tmpDir, `${randomUUID()}.upload`);
        const written = await writeHashed(part.file, tmpPath, options.maxBytes);
        if (part.file.truncated || written.size > options.maxBytes) {
          throw tooLarge(options.maxBytes);
        }
        file = {
          tmpPath,
          filename: safeFilename(part.filename),
          declaredType: normaliseMediaType(part.mimetype),
          ...written,
        };
        continue;
      }
      if (part.fieldnameTruncated || part.valueTruncated) {
        throw new AppError("payload_too_large", "A form field is too long");
      }
      if (typeof part.value !== "string") {
        throw new AppError("bad_request", `The form field "${part.fieldname.slice(0, 50)}" must be plain text`);
      }
      if (Object.hasOwn(fields, part.fieldname)) {
        throw new AppError("bad_request", `The form field "${part.fieldname.slice(0, 50)}" was sent more than once`);
      }
      fields[part.fieldname] = part.value;
    }
  } catch (err) {
    await discard();
    throw uploadError(err, options.maxBytes);
  }
  return { fields, file, discard };
}

class HashCounter extends Transform {
  readonly hash = createHash("sha256");
  size = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(tooLarge(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

async function writeHashed(source: NodeJS.ReadableStream, tmpPath: string, maxBytes: number): Promise<{ sha256: string; size: number }> {
  const counter = new HashCounter(maxBytes);
  // wx: never follow or overwrite something already at the path; 0600: only the server reads evidence.
  await pipeline(source, counter, fs.createWriteStream(tmpPath, { flags: "wx", mode: 0o600 }));
  return { sha256: counter.hash.digest("hex"), size: counter.size };
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The file is larger than the upload limit of ${formatBytes(maxBytes)}`);
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

/**
 * Our error for an error of @fastify/multipart (by its FST_ code), or null when `err` is not one.
 * Also used by the app's error handler, for routes that read multipart bodies themselves.
 */
export function multipartAppError(err: unknown, maxBytes?: number): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return maxBytes ? tooLarge(maxBytes) : new AppError("payload_too_large", "The file is larger than the upload limit");
    case "FST_PARTS_LIMIT":
    case "FST_FIELDS_LIMIT":
      return new AppError("payload_too_large", "The form has too many fields");
    case "FST_FILES_LIMIT":
      return new AppError("bad_request", "Send one file per request");
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return new AppError("unsupported_media_type", "Send the upload as multipart/form-data");
    case "FST_PROTO_VIOLATION":
      return new AppError("bad_request", "A form field has a reserved name");
    case "FST_INVALID_JSON_FIELD_ERROR":
      return new AppError("bad_request", "A form field declared as JSON is not valid JSON");
    case "FST_MP_PREMATURE_CLOSE":
      return new AppError("bad_request", "The upload ended before the form was complete");
    default:
      return null;
  }
}

function uploadError(err: unknown, maxBytes: number): unknown {
  if (err instanceof AppError) return err;
  const mapped = multipartAppError(err, maxBytes);
  if (mapped) return mapped;
  // A file-system failure (disk full, permissions) is ours: let it become a logged 500.
  if (typeof (err as { syscall?: unknown } | null)?.syscall === "string") return err;
  // Anything else came out of the multipart parser (busboy): the body is not well-formed.
  return new AppError("bad_request", "The multipart body is malformed");
}

/** A declared media type, lower case, without parameters; "" when absent or absurd. */
export function normaliseMediaType(raw: string | undefined): string {
  const base = (raw ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(base) ? base : "";
}

// Control characters, and bidirectional overrides that make "gpj.exe" read as "exe.jpg".
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MAX_FILENAME_CHARS = 200;

/**
 * A client file name reduced to something safe to store and show: the last path segment, well-formed
 * Unicode (NFC) without control or bidi characters, no leading dots, at most 200 characters (keeping the
 * extension). Never empty ("upload").
 */
export function safeFilename(raw: string | undefined): string {
  let name = (raw ?? "").toWellFormed().normalize("NFC").replace(UNSAFE_NAME_CHARS, "");
  name = (name.split(/[\\/]/).pop() ?? "").trim().replace(/^\.+/, "").trim();
  const chars = Array.from(name);
  if (chars.length > MAX_FILENAME_CHARS) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
    const keep = ext.length > 0 && ext.length <= 16 ? ext : [];
    name = [...chars.slice(0, MAX_FILENAME_CHARS - keep.length), ...keep].join("");
  }
  return name || "upload";
}
