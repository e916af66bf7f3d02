/** Helpers of the import integration tests: sending files, counting rows. Test-only (imported by *.int.test.ts). */
import type { Caller } from "../../test/factories.ts";
import type { Harness } from "../../test/harness.ts";
import { Multipart } from "../../test/multipart.ts";

/** CSV text from lines (CRLF, as Excel writes it). */
export const csv = (lines: string[]): string => `${lines.join("\r\n")}\r\n`;

/** POST /api/imports as the caller. */
export function sendImport(
  caller: Caller,
  kind: string,
  data: Buffer | string,
  options: { dryRun?: boolean; filename?: string; contentType?: string } = {},
) {
  const m = new Multipart({
    kind,
    dryRun: String(options.dryRun ?? true),
    file: { filename: options.filename ?? `${kind}.csv`, contentType: options.contentType ?? "text/csv", data },
  });
  return caller.request("POST", "/api/imports", m.payload, { "content-type": m.contentType });
}

/** Row counts of everything an import may write, for one company (a refusal must leave them unchanged). */
export async function importCounts(h: Harness, tenantId: string) {
  const [row] = await h.rawQuery<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM partners WHERE tenant_id = $1) AS partners,
            (SELECT count(*)::int FROM partner_identifiers WHERE tenant_id = $1) AS identifiers,
            (SELECT count(*)::int FROM partner_relations WHERE tenant_id = $1) AS relations,
            (SELECT count(*)::int FROM partner_status_history WHERE tenant_id = $1) AS history,
            (SELECT count(*)::int FROM partner_sites WHERE tenant_id = $1) AS sites,
            (SELECT count(*)::int FROM lanes WHERE tenant_id = $1) AS lanes,
            (SELECT count(*)::int FROM lane_legs WHERE tenant_id = $1) AS legs,
            (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1) AS audit,
            (SELECT coalesce(max(updated_at)::text, '') FROM partners WHERE tenant_id = $1) AS touched`,
    [tenantId],
  );
  return row as Record<string, number | string>;
}

/** GET /api/imports/export as the caller; the body as a Buffer. */
export async function exportOf(caller: Caller, kind: string, format: "csv" | "xlsx" = "csv") {
  const res = await caller.request("GET", `/api/imports/export?kind=${kind}&format=${format}`);
  return { res, body: res.rawPayload };
}
