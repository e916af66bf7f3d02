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

/** Tables whose contents a rejected request must leave untouched. */
export const GUARDED_TABLES = ["sites", "audit_events", "memberships", "api_tokens", "users", "tenants", "sessions"] as const;

/** Program tables (issues 3 and 4): keyed by their primary key columns, digested whole. */
const PROFILE_TABLES: Record<string, string> = {
  evidence_items: "t.id",
  evidence_versions: "t.id",
  evidence_links: "t.tenant_id, t.evidence_id, t.target_type, t.target_id",
  profile_items: "t.tenant_id, t.criterion_id",
  procedures: "t.id",
  procedure_versions: "t.id",
  procedure_criteria: "t.tenant_id, t.procedure_id, t.criterion_id",
  procedure_acks: "t.tenant_id, t.procedure_version_id, t.user_id",
  profile_reviews: "t.id",
  profile_review_tasks: "t.tenant_id, t.review_id, t.category_id",
  frameworks: "t.id",
  framework_controls: "t.id",
  framework_mappings: "t.tenant_id, t.control_id, t.criterion_id",
  notifications: "t.id",
  // Issue 4: partners and the supply chain.
  partners: "t.id",
  partner_status_history: "t.id",
  partner_sites: "t.id",
  partner_contacts: "t.id",
  partner_identifiers: "t.tenant_id, t.partner_id, t.kind, t.value",
  partner_certifications: "t.id",
  partner_screenings: "t.id",
  partner_relations: "t.tenant_id, t.supplier_id, t.customer_id",
  screening_lists: "t.id",
  screening_entries: "t.id",
  screening_matches: "t.id",
  lanes: "t.id",
  lane_legs: "t.tenant_id, t.lane_id, t.seq",
  questionnaires: "t.id",
  questionnaire_answers: "t.tenant_id, t.questionnaire_id, t.criterion_id, t.round",
  questionnaire_invitations: "t.id",
  partner_sessions: "t.id_hash",
};

/**
 * Row count and a content digest of each guarded table, read as the database owner (bypassing RLS).
 * Any INSERT, UPDATE or DELETE changes the value.
 * api_tokens.last_used_at is left out: merely using a token may stamp it, by design.
 */
export async function guardedState(h: Harness): Promise<Record<string, string>> {
  const digest = (table: string, rowExpr: string, order: string) =>
    `(SELECT count(*)::text || ':' || coalesce(md5(string_agg(${rowExpr}, '|' ORDER BY ${order})), '-') FROM ${table} t) AS ${table}`;
  const rows = await h.rawQuery<Record<string, string>>(
    `SELECT ${[
      digest("sites", "t::text", "t.id"),
      // Append-only (a trigger refuses UPDATE/DELETE), so its row count says everything.
      "(SELECT count(*)::text FROM audit_events) AS audit_events",
      digest("memberships", "t::text", "t.tenant_id, t.user_id"),
      digest("api_tokens", "(to_jsonb(t) - 'last_used_at')::text", "t.id"),
      digest("users", "t::text", "t.id"),
      digest("tenants", "t::text", "t.id"),
      digest("sessions", "t::text", "t.id_hash"),
      ...Object.entries(PROFILE_TABLES).map(([table, order]) => digest(table, "t::text", order)),
    ].join(", ")}`,
  );
  return rows[0] ?? {};
}
