/** Shapes shared by the import planners (./imports.partners.ts, ./imports.sites.ts, ./imports.lanes.ts). */
import type { Problems } from "./imports.cells.ts";
import type { SheetRecord } from "./imports.read.ts";

/** What the import does to one row's record; "fields" are the columns whose values change (all given ones for a create). */
export interface Change {
  row: number;
  action: "create" | "update";
  key: string;
  fields: string[];
}

/** A planner's answer: the counts, every change, and what to write (applied only when there are no errors). */
export interface Plan<W> {
  create: number;
  update: number;
  unchanged: number;
  changes: Change[];
  write: W;
}

/** What every planner receives besides its own database state. */
export interface PlanInput {
  records: SheetRecord[];
  labels: Record<string, string>;
  problems: Problems;
}

/** A record's key as the export writes it: the external key, or the id of a record that has none. */
export const keyOf = (r: { id: string; external_key: string | null }): string => r.external_key ?? r.id;

/**
 * Find records by the import's `key`: the external key first; a record without one is found by its id (that is what
 * the export writes for it), unless that id is also someone's external key.
 */
export function keyIndex<T extends { id: string; external_key: string | null }>(rows: readonly T[]): (key: string) => T | undefined {
  const byKey = new Map<string, T>();
  for (const r of rows) if (r.external_key !== null) byKey.set(r.external_key, r);
  const byId = new Map<string, T>();
  for (const r of rows) if (r.external_key === null && !byKey.has(r.id)) byId.set(r.id, r);
  return (key) => byKey.get(key) ?? byId.get(key.toLowerCase());
}

/** Report a key seen twice in the file; true when it is a repeat. */
export function repeatedKey(seen: Map<string, number>, key: string, row: number, label: string, problems: Problems): boolean {
  const first = seen.get(key);
  if (first !== undefined) {
    problems.errors.push({ row, column: label, message: `duplicate key "${key.slice(0, 60)}" (first on row ${first})` });
    return true;
  }
  seen.set(key, row);
  return false;
}

/** Same values, in any order. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

/**
 * Remember a function's answers for the words a file repeats (a 100,000-row file has a handful of distinct types
 * and countries; folding each cell again is most of the lookup's cost). Bounded so a hostile file cannot grow it.
 */
export function memo<T>(fn: (word: string) => T, max = 5000): (word: string) => T {
  const seen = new Map<string, T>();
  return (word) => {
    const hit = seen.get(word);
    if (hit !== undefined || seen.has(word)) return hit as T;
    const value = fn(word);
    if (seen.size < max) seen.set(word, value);
    return value;
  };
}
