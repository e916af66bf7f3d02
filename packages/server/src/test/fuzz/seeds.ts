/** Seeds for the route fuzz (fuzz.int.test.ts): the fast-check seed and valid sample bodies. */
import { randomUUID } from "node:crypto";
import { unique } from "../factories.ts";

/** Fixed seed (override with FUZZ_SEED); each route gets its own seed derived from it, printed on failure. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
/** Runs per route and property: bodies on routes that take one, raw payloads on writes, ids/queries on all. */
export const RUNS = { body: 9, raw: 6, params: 5 };

// ─── Valid samples from the route's own OpenAPI schema ────────────────────────────────────────────────

/** The subset of JSON Schema the OpenAPI document uses for request bodies. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
};

/**
 * A valid value for a JSON schema. `hints` supplies what JSON Schema cannot say (a zod refinement such as
 * "an ISO country code"); the meta-test in fuzz.int.test.ts proves every sample passes the route's own zod schema.
 */
export function sampleOf(schema: JsonSchema | undefined, hints: Record<string, unknown> = {}): unknown {
  if (!schema) return undefined;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sampleOf(options.find((o) => o.type !== "null") ?? options[0], hints);
  if ("const" in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, k in hints ? hints[k] : sampleOf(s, hints)]));
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sampleOf(schema.items, hints));
    case "string":
      if (schema.format === "email") return `${unique("fuzz")}@example.test`;
      if (schema.format === "date") return "2025-06-30";
      if (schema.format === "uuid") return randomUUID();
      return "Sample value".padEnd(Math.max(schema.minLength ?? 1, 12), "x");
    case "integer":
    case "number": {
      const lo = schema.minimum ?? 1;
      const hi = schema.maximum ?? lo + 10;
      return Math.round((lo + hi) / 2);
    }
    case "boolean":
      return true;
    default:
      return "default" in schema ? schema.default : null;
  }
}
