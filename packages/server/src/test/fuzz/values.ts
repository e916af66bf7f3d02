/** Hostile material for the route fuzz (fuzz.int.test.ts): values, ids, bodies and content types. */

/** A JSON fragment spliced into a body verbatim (numbers JSON.stringify cannot write, escapes, deep nesting). */
export class Raw {
  constructor(readonly text: string) {}
}

const DEPTH = 10_000;
/** 10,000 nested arrays: a parser-depth probe. */
export const DEEP_ARRAY = `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`;
/** 10,000 nested objects: a parser-depth probe. */
export const DEEP_OBJECT = `${'{"a":'.repeat(DEPTH)}1${"}".repeat(DEPTH)}`;
const WIDE_ARRAY = `[${"1,".repeat(100_000)}1]`;

/** JSON fragments spliced in verbatim via Raw (some are not JSON at all). */
export const RAW_VALUES = [
  "1e999",
  "-1e999",
  "-0",
  "1e308",
  "-1e308",
  "5e-324",
  "0.1e-400",
  "123456789012345678901234567890",
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800"',
  '"\\udfff\\ud800"',
  '"x\\uD83D"',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  DEEP_ARRAY,
  DEEP_OBJECT,
  WIDE_ARRAY,
  // Not JSON at all: the whole body becomes invalid.
  "NaN",
  "Infinity",
  "0x10",
  "01",
  "undefined",
  "'single'",
];

/** Hostile JSON-representable values: edge numbers, odd strings, injection probes, wrong types. */
export const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
  "",
  " ",
  "  padded  ",
  "NaN",
  "Infinity",
  "-0",
  "1e308",
  "0x1F",
  "null",
  "undefined",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\udc00\ud800",
  "😀",
  "👩‍👩‍👧‍👦",
  "\u202eevil",
  "\ufeffbom",
  "𝕏𝔂𝔃",
  "' OR '1'='1",
  "'; DROP TABLE sites; --",
  "%00",
  "%s%n%x",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  "${7*7}",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "0000-01-01",
  "2024-02-30",
  "9999-12-31",
  "-infinity",
  "epoch",
  "1970-01-01T00:00:00Z",
  "owner",
  "partner",
  "00000000-0000-0000-0000-000000000000",
  "XX",
  "mx",
  "a@b",
  "x@y.z",
  [],
  {},
  [null],
  [[[]]],
  ["importer", "importer"],
  JSON.parse('{"__proto__":{"isAdmin":true}}'),
];

/** The deterministic sweep: each body field and query parameter gets each of these. */
export const SWEEP_VALUES: unknown[] = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "😀",
  "0000-01-01",
  "2024-02-30",
  "-infinity",
  1e308,
  -1,
  "1e308",
  "x".repeat(100_000),
  [],
  {},
  null,
  true,
  new Raw(DEEP_ARRAY),
  new Raw("1e999"),
  new Raw('{"__proto__":{"x":1}}'),
];
/** The deterministic sweep: each query parameter gets each of these (already encoded). */
export const SWEEP_QUERY_VALUES = ["%00", "a%00b", "%ED%A0%80", "%F0%9F%98%80", "1e308", "-1", "0x10", "", "%", "x".repeat(10_000)];

/** Path segments, already encoded as they would arrive. */
export const RAW_IDS = [
  "not-a-uuid",
  "%00",
  "%",
  "%zz",
  "%ED%A0%80",
  "%F0%9F%98%80",
  "..",
  "%2e%2e",
  "%2F",
  "1e308",
  "-0",
  "NaN",
  "null",
  "__proto__",
  "constructor",
  "x".repeat(201),
  "x".repeat(5000),
  "%20",
  "%E2%80%AE",
  "a;b",
  "*",
  "00000000-0000-0000-0000-00000000000G",
  "00000000-0000-0000-0000-000000000000%00",
];

/** Whole request bodies: broken JSON, odd JSON, deep nesting, oversize, not JSON. */
export const RAW_BODIES = [
  "",
  " ",
  "{",
  "}",
  "[",
  "nul",
  '{"a":1,}',
  "{'a':1}",
  "[1,2",
  "\u0000",
  "\ufeff{}",
  '{"a":"\\x41"}',
  '{"name":"\ud800"}',
  "null",
  "true",
  "0",
  '"string"',
  "[]",
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  DEEP_ARRAY,
  DEEP_OBJECT,
  `{"name":"${"x".repeat(1_040_000)}"}`,
  `{"name":"${"x".repeat(1_100_000)}"}`,
  "a=1&b=2",
  "<xml/>",
];

/** Content types sent with raw payloads (undefined: no content-type header). */
export const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "APPLICATION/JSON",
  "application/vnd.api+json",
  "text/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/octet-stream",
  "application/json, text/plain",
  undefined,
];
