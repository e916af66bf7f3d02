/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, `undefined` members dropped.
 * Two logically equal values always encode to the same bytes, which is what a hash chain needs:
 * PostgreSQL's jsonb reorders keys, so the bytes we hash must not depend on storage order.
 */
export function canonicalJson(value: unknown): string {
  return encode(value);
}

// Plain loops and string concatenation: this runs once per audit event on every verification,
// and the array-method version spent more time here than SHA-256 did.
function encode(value: unknown): string {
  if (value === null || value === undefined) {
    return "null";
  }
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) {
        throw new TypeError("canonicalJson: non-finite number");
      }
      return JSON.stringify(value);
    case "bigint":
      return JSON.stringify(value.toString());
    case "object":
      return encodeObject(value as object);
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}

function encodeObject(value: object): string {
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += encode(value[i]);
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const member = obj[key];
    if (member === undefined) continue;
    if (!first) out += ",";
    first = false;
    out += `${JSON.stringify(key)}:${encode(member)}`;
  }
  return `${out}}`;
}
