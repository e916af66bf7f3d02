import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** 256-bit random token, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** SHA-256 hex: credentials are stored only as this hash. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON_OPTIONS = { algorithm: 2 /* Argon2id (const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hash a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON_OPTIONS);
}

// A real hash to verify against when the user does not exist, so timing does not reveal accounts.
let dummyHash: Promise<string> | undefined;

/** Check a password; `stored` undefined still spends the same time. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword("portcullis-dummy-password");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
