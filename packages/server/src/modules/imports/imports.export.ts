/**
 * GET /api/imports/export: the company's partners, partner sites or lanes in the import's own columns, as CSV (UTF-8
 * with BOM, so Excel reads accents) or XLSX. Importing the file again changes nothing: keys are the external key or,
 * for a record without one, its id; nodes and supplier keys are written the way the import reads them.
 */
import ExcelJS from "exceljs";
import { withScope } from "../../db/tx.ts";
import type { TenantCtx } from "../../http/context.ts";
import { keyOf } from "./imports.model.ts";
import { NodeResolver } from "./imports.nodes.ts";
import { loadIdentifiers, loadLanes, loadOwnSites, loadPartnerSites, loadPartners, loadRelations } from "./imports.repo.ts";
import type { ExportQueryInput } from "./imports.schema.ts";
import { COLUMNS } from "./imports.vocab.ts";

type Cell = string | number | null;

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Keys as "A; B". A lone key holding a comma gets a trailing ";", or the import would split it at the comma. */
const keyList = (keys: string[]) => keys.join("; ") + (keys.length === 1 && keys[0]?.includes(",") ? ";" : "");

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function exportRows(ctx: TenantCtx, kind: ExportQueryInput["kind"]): Promise<Cell[][]> {
  return withScope(ctx.db, { tenantId: ctx.tenantId, userId: ctx.userId }, async (tx) => {
    const t = ctx.tenantId;
    const partners = await loadPartners(tx, t);
    const keyOfPartner = new Map(partners.map((p) => [p.id, keyOf(p)]));
    if (kind === "partners") {
      const identifiers = new Map<string, string[]>();
      for (const i of await loadIdentifiers(tx, t)) push(identifiers, i.partner_id, `${i.kind}:${i.value}`);
      const suppliers = new Map<string, string[]>();
      for (const r of await loadRelations(tx, t)) push(suppliers, r.customer_id, keyOfPartner.get(r.supplier_id) ?? r.supplier_id);
      return partners
        .filter((p) => !p.archived)
        .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
        .map((p) => [
          keyOf(p),
          p.name,
          p.legal_name,
          p.type,
          p.country_code,
          p.address,
          p.website,
          p.risk_level,
          p.status,
          (identifiers.get(p.id) ?? []).sort(byText).join("; "),
          keyList((suppliers.get(p.id) ?? []).sort(byText)),
        ]);
    }
    const sites = await loadPartnerSites(tx, t);
    if (kind === "sites") {
      return sites
        .filter((s) => !s.archived)
        .sort((a, b) => byText(keyOfPartner.get(a.partner_id) ?? "", keyOfPartner.get(b.partner_id) ?? "") || byText(a.name, b.name))
        .map((s) => [
          keyOf(s),
          keyOfPartner.get(s.partner_id) ?? s.partner_id,
          s.name,
          s.kind,
          s.country_code,
          s.address,
          s.latitude,
          s.longitude,
        ]);
    }
    const nodes = new NodeResolver({ ownSites: await loadOwnSites(tx, t), partnerSites: sites });
    return (await loadLanes(tx, t))
      .filter((l) => !l.archived && l.legs.length > 0)
      .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
      .flatMap((l) =>
        l.legs.map((leg, i) => [
          keyOf(l),
          l.name,
          i + 1,
          nodes.render(leg.from),
          nodes.render(leg.to),
          leg.mode,
          leg.carrierId ? (keyOfPartner.get(leg.carrierId) ?? leg.carrierId) : null,
        ]),
      );
  });
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** One CSV field: quoted when needed; text a spreadsheet would run as a formula gets a leading ' (the import drops it). */
export function csvField(value: Cell): string {
  if (value === null) return "";
  let text = String(value);
  if (/^'*[=+\-@]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",;\r\n\t]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Render the company's records of one kind as a file. */
export async function exportFile(options: {
  ctx: TenantCtx;
  query: ExportQueryInput;
}): Promise<{ filename: string; contentType: string; body: Buffer }> {
  const { ctx, query } = options;
  const header: string[] = [...COLUMNS[query.kind]];
  const rows = await exportRows(ctx, query.kind);
  const stamp = new Date().toISOString().slice(0, 10);
  if (query.format === "csv") {
    const lines = [header, ...rows].map((r) => r.map(csvField).join(","));
    return {
      filename: `${query.kind}-${stamp}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8"),
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(query.kind);
  sheet.addRow(header).font = { bold: true };
  // Cells are written as values, never formulas: text starting with = stays text in a workbook.
  for (const r of rows) sheet.addRow(r.map((v) => v ?? ""));
  return {
    filename: `${query.kind}-${stamp}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
