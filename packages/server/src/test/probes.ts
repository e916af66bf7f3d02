import type { LightMyRequestResponse } from "fastify";
import { randomToken, sha256Hex } from "../auth/crypto.ts";
import type { Harness } from "./harness.ts";

/** A fresh session for an existing user, inserted directly (as the factories do). */
export async function openSession(h: Harness, userId: string, tenantId: string | null): Promise<{ cookie: string; csrfToken: string }> {
  const sessionId = randomToken();
  const csrfToken = randomToken(24);
  await h.rawQuery(
    "INSERT INTO sessions (id_hash, user_id, tenant_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4, now() + interval '1 hour')",
    [sha256Hex(sessionId), userId, tenantId, csrfToken],
  );
  return { cookie: `pc_session=${sessionId}`, csrfToken };
}

/**
 * Problems with an error response: the body must be exactly `{ error: { code, message, details } }`
 * with a string code and message. Returns a list of problems (empty when fine).
 */
export function errorShapeProblems(res: LightMyRequestResponse): string[] {
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return [`error body is not JSON: ${res.body.slice(0, 200)}`];
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return ["error body is not an object"];
  }
  const problems: string[] = [];
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== "error") {
    problems.push(`error body has keys ${JSON.stringify(keys)}, expected ["error"]`);
  }
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) {
    return [...problems, "error member is not an object"];
  }
  const e = error as Record<string, unknown>;
  const ekeys = Object.keys(e).sort();
  if (JSON.stringify(ekeys) !== JSON.stringify(["code", "details", "message"])) {
    problems.push(`error member has keys ${JSON.stringify(ekeys)}, expected code, message, details`);
  }
  if (typeof e.code !== "string" || e.code.length === 0) problems.push("error.code is not a non-empty string");
  if (typeof e.message !== "string") problems.push("error.message is not a string");
  if (!/json/.test(String(res.headers["content-type"] ?? ""))) problems.push(`error content-type is ${res.headers["content-type"]}`);
  return problems;
}

const INTERNALS: [RegExp, string][] = [
  [/\n\s+at .+[(:]/, "stack frame"],
  [/ {4}at /, "stack frame"],
  [/node_modules/, "node_modules path"],
  [/(?:\/|\\)(?:src|dist)(?:\/|\\)[\w./\\-]+\.(?:ts|js|mjs|cjs)\b/, "source file path"],
  [/\bfile:\/\//, "file URL"],
];

/** Internal details a response body must never show (stack frames, file paths). */
export function internalLeaks(body: string): string[] {
  const cwd = process.cwd();
  const found = INTERNALS.filter(([re]) => re.test(body)).map(([, what]) => what);
  if (cwd.length > 1 && body.includes(cwd)) found.push("working directory");
  return found;
}

/**
 * Tables a rejected request may change by design: refused logins are counted (login_failures), and the migration
 * bookkeeping is no request's business. api_tokens is guarded separately (see guardedState).
 */
const UNGUARDED = new Set(["login_failures", "schema_migrations", "schema_migrations_lock", "api_tokens"]);

const guardedTables = new WeakMap<Harness, Promise<string[]>>();

/**
 * Every table of the schema except UNGUARDED, read from the catalog rather than listed here: a table added by a
 * later migration is guarded from its first day, without anyone remembering to add it.
 */
function tablesToGuard(h: Harness): Promise<string[]> {
  let tables = guardedTables.get(h);
  if (!tables) {
    tables = h
      .rawQuery<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
      )
      .then((rows) => rows.map((r) => r.name).filter((name) => !UNGUARDED.has(name)));
    guardedTables.set(h, tables);
  }
  return tables;
}

/**
 * A fingerprint of each guarded table, read as the database owner (bypassing RLS): the row count and the sum
 * and maximum of the rows' `xmin`. Any INSERT, UPDATE (even one writing the same values) or DELETE that commits
 * changes it, and it costs a scan instead of serialising every row twice per request, which made the fuzz the
 * slowest file of the suite.
 * api_tokens keeps a content digest without last_used_at: merely using a token may stamp it, by design.
 */
export async function guardedState(h: Harness): Promise<Record<string, string>> {
  const fingerprint = (table: string) =>
    `(SELECT count(*)::text || ':' || coalesce(sum(t.xmin::text::bigint), 0)::text || ':' || coalesce(max(t.xmin::text::bigint), 0)::text FROM ${table} t) AS ${table}`;
  const rows = await h.rawQuery<Record<string, string>>(
    `SELECT ${[
      "(SELECT count(*)::text || ':' || coalesce(md5(string_agg((to_jsonb(t) - 'last_used_at')::text, '|' ORDER BY t.id)), '-') FROM api_tokens t) AS api_tokens",
      ...(await tablesToGuard(h)).map(fingerprint),
    ].join(", ")}`,
  );
  return rows[0] ?? {};
}
