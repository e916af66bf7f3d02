import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Every screen is in English and Spanish: each bundle's Spanish file must have exactly the English keys,
 * no empty strings, and the same {{placeholders}} in each string (a missing one shows raw braces).
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const bundles = fs
  .readdirSync(dir)
  .filter((f) => /^(?:[a-z]+\.)?en\.json$/.test(f))
  .map((f) => f.replace(/en\.json$/, ""));

function flatten(value: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (typeof value === "string") {
    out.set(prefix, value);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

const read = (file: string) => flatten(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
// Plural forms differ by language (Spanish has "_many", English does not): compare keys without them.
const PLURAL = /_(?:zero|one|two|few|many|other)$/;
const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, "")));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it("finds the main bundle and the feature bundles", () => {
    expect(bundles).toContain("");
    expect(bundles.length).toBeGreaterThanOrEqual(1);
  });

  for (const bundle of bundles) {
    const name = `${bundle}en.json / ${bundle}es.json`;
    it(`${name}: the same keys in both languages`, () => {
      const en = baseKeys(read(`${bundle}en.json`));
      const es = baseKeys(read(`${bundle}es.json`));
      const missingInEs = [...en].filter((k) => !es.has(k));
      const extraInEs = [...es].filter((k) => !en.has(k));
      expect({ missingInEs, extraInEs }).toEqual({ missingInEs: [], extraInEs: [] });
    });

    it(`${name}: no empty strings and matching placeholders`, () => {
      const en = read(`${bundle}en.json`);
      const es = read(`${bundle}es.json`);
      const problems: string[] = [];
      for (const [k, v] of en) {
        const other = es.get(k);
        if (!v.trim() || (other !== undefined && !other.trim())) problems.push(`${k}: empty`);
        if (other !== undefined && placeholders(v).join() !== placeholders(other).join()) problems.push(`${k}: placeholders differ`);
      }
      expect(problems).toEqual([]);
    });
  }

  it("feature bundles do not redefine the main bundle's top-level keys", () => {
    const main = Object.keys(JSON.parse(fs.readFileSync(path.join(dir, "en.json"), "utf8")));
    const clashes = bundles
      .filter((b) => b !== "")
      .flatMap((b) => Object.keys(JSON.parse(fs.readFileSync(path.join(dir, `${b}en.json`), "utf8"))).filter((k) => main.includes(k)));
    expect(clashes).toEqual([]);
  });
});
