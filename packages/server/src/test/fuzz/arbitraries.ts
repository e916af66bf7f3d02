/** Generators and encoders for the route fuzz (fuzz.int.test.ts). */
import fc from "fast-check";
import { HOSTILE_VALUES, RAW_VALUES, Raw } from "./values.ts";

const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const oddChar = fc.constantFrom("\u0000", "\u0001", "\u007f", "😀", "\u202e", "\ufeff", "'", '"', "\\", "%", "/", "&", "=", "?", "#", "\n");
const unit = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: surrogate },
  { weight: 2, arbitrary: oddChar },
);
/** Short strings weighted towards lone surrogates and awkward characters. */
export const fuzzString = fc.string({ unit, maxLength: 40 });
/** Strings of 256 to 1,000,000 characters (ASCII, accented or emoji). */
export const hugeString = fc
  .constantFrom(256, 5_000, 100_000, 1_000_000)
  .chain((n) => fc.constantFrom("x", "é", "😀").map((c) => c.repeat(n)));

/** Any hostile value: fixed probes, fuzz strings, huge strings, numbers, arrays, objects, Raw fragments. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: fuzzString },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.array(fuzzString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fuzzString, fuzzString, { maxKeys: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_VALUES).map((t) => new Raw(t)) },
);

/** JSON text of a value, splicing Raw fragments in verbatim. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v) => {
    if (v instanceof Raw) {
      raws.push(v.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return v;
  });
  return raws.reduce((t, raw, i) => t.replace(JSON.stringify(`\u0001raw${i}\u0001`), raw), text ?? "");
}

/** Copy of an object with one own property set (works for "__proto__" too). */
export function withKey(base: unknown, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = typeof base === "object" && base !== null && !Array.isArray(base) ? { ...base } : {};
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Percent-encode every byte of the UTF-8 form except unreserved characters. */
export function encodeBytes(s: string): string {
  return [...Buffer.from(s, "utf8")]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0").toUpperCase()}`,
    )
    .join("");
}

/** How a fuzz case authenticates. */
export type AuthMode = "owner-session" | "owner-token" | "anonymous" | "session-without-csrf" | "garbage-authorization";
/** Mostly a valid owner session, sometimes a token, nothing, no CSRF header or a garbage header. */
export const authArb: fc.Arbitrary<AuthMode> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<AuthMode>("owner-session") },
  { weight: 2, arbitrary: fc.constant<AuthMode>("owner-token") },
  { weight: 2, arbitrary: fc.constant<AuthMode>("anonymous") },
  { weight: 1, arbitrary: fc.constantFrom<AuthMode>("session-without-csrf", "garbage-authorization") },
);

/** One request of the fuzz. */
export interface Case {
  method: string;
  url: string;
  contentType?: string;
  payload?: string;
  auth: AuthMode;
}

/** A case as one readable line, long payloads and URLs truncated. */
export function caseToString(c: Case): string {
  const p = c.payload;
  const payload = p === undefined ? "none" : `${JSON.stringify(p.slice(0, 160))}${p.length > 160 ? `… (${p.length} chars)` : ""}`;
  const url = c.url.length > 200 ? `${c.url.slice(0, 200)}… (${c.url.length} chars)` : c.url;
  return `${c.method} ${url} auth=${c.auth} content-type=${c.contentType ?? "none"} payload=${payload}`;
}

/** Give a case a readable form in fast-check's report (1 MB payloads stay out of the log). */
export function labelled(c: Case): Case {
  return Object.assign(c, { [fc.toStringMethod]: () => caseToString(c) });
}
