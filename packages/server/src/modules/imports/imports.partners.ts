/**
 * Planning a partner import: every row checked with zod, matched by key against the company's partners, and compared
 * field by field (create / update with the changed fields / unchanged). Supplier keys must name a partner of the file
 * or of the registry, and the resulting supplier graph must stay free of cycles. Pure: the database state comes in.
 */
import { randomUUID } from "node:crypto";
import { canMovePartner, PARTNER_STATUSES, PARTNER_TYPES, type PartnerStatus } from "@portcullis/domain";
import { z } from "zod";
import {
  countryCell,
  identifiersCell,
  keyCell,
  keyListCell,
  optionalText,
  optionalWordCell,
  parseRecord,
  requiredText,
  wordCell,
} from "./imports.cells.ts";
import { type Change, keyIndex, keyOf, type Plan, type PlanInput, repeatedKey, sameSet } from "./imports.model.ts";
import type { PartnerState } from "./imports.repo.ts";
import { partnerTypeOf, riskOf, statusOf } from "./imports.vocab.ts";
import type { PartnerWrite } from "./imports.write.ts";

/** One row of a partner file. */
export const PartnerRowSchema = z.object({
  key: keyCell,
  name: requiredText(200),
  legal_name: optionalText(300),
  type: wordCell(partnerTypeOf, "partner type", PARTNER_TYPES),
  country: countryCell,
  address: optionalText(1000),
  website: optionalText(500),
  risk: optionalWordCell(riskOf, "risk level", ["low", "medium", "high"]),
  status: optionalWordCell(statusOf, "partner status", PARTNER_STATUSES),
  identifiers: identifiersCell,
  supplier_keys: keyListCell,
});
type PartnerRow = z.output<typeof PartnerRowSchema> & { row: number };

/** Statuses only approvers may give (the same rule as POST /api/partners/:id/status). */
const APPROVER_STATUSES: readonly PartnerStatus[] = ["approved", "suspended", "terminated"];

/** What a partner import writes. */
export interface PartnerWritePlan {
  inserts: PartnerWrite[];
  updates: PartnerWrite[];
  history: { id: string; partnerId: string; from: string | null; to: string }[];
  /** Existing partners whose identifiers are replaced (new partners have none to delete). */
  identifierOwners: string[];
  identifiers: { partnerId: string; kind: string; value: string }[];
  addRelations: { supplierId: string; customerId: string }[];
  removeRelations: { supplierId: string; customerId: string }[];
}

/** The company's partner data the planner compares against. */
export interface PartnerDbState {
  partners: PartnerState[];
  identifiers: { partner_id: string; kind: string; value: string }[];
  relations: { supplier_id: string; customer_id: string }[];
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const identifierList = (list: { kind: string; value: string }[]) => list.map((i) => `${i.kind}:${i.value}`);

/** Plan a partner import. `canApprove`: the caller may set approved/suspended/terminated. */
export function planPartners(input: PlanInput & { db: PartnerDbState; canApprove: boolean }): Plan<PartnerWritePlan> {
  const { records, labels, problems, db, canApprove } = input;
  const find = keyIndex(db.partners);
  const fileKeys = new Set(records.map((r) => r.cells.key ?? "").filter(Boolean));
  const seen = new Map<string, number>();
  const rows: PartnerRow[] = [];
  for (const record of records) {
    const parsed = parseRecord(PartnerRowSchema, record, labels, problems);
    if (!parsed) continue;
    if (repeatedKey(seen, parsed.key, record.row, labels.key ?? "key", problems)) continue;
    for (const w of parsed.identifiers ?? []) {
      if (w.warning)
        problems.warnings.push({
          row: record.row,
          column: labels.identifiers ?? "identifiers",
          message: `${w.kind} ${w.value}: ${w.warning}`,
        });
    }
    rows.push({ ...parsed, row: record.row });
  }

  const identifiersOf = new Map<string, string[]>();
  for (const i of db.identifiers) push(identifiersOf, i.partner_id, `${i.kind}:${i.value}`);
  const suppliersOf = new Map<string, string[]>();
  for (const r of db.relations) push(suppliersOf, r.customer_id, r.supplier_id);

  const write: PartnerWritePlan = {
    inserts: [],
    updates: [],
    history: [],
    identifierOwners: [],
    identifiers: [],
    addRelations: [],
    removeRelations: [],
  };
  const changes: Change[] = [];
  const idOfKey = new Map<string, string>();
  const planned: { row: PartnerRow; id: string; existing: PartnerState | undefined; fields: string[]; value: PartnerWrite }[] = [];
  const statusLabel = labels.status ?? "status";

  for (const row of rows) {
    const existing = find(row.key);
    const errorsBefore = problems.errors.length;
    const value: PartnerWrite = {
      id: existing?.id ?? randomUUID(),
      key: existing ? existing.external_key : row.key,
      name: row.name,
      legalName: row.legal_name === undefined ? (existing?.legal_name ?? null) : row.legal_name,
      type: row.type,
      countryCode: row.country,
      address: row.address === undefined ? (existing?.address ?? null) : row.address,
      website: row.website === undefined ? (existing?.website ?? null) : row.website,
      risk: row.risk ?? existing?.risk_level ?? "medium",
      status: row.status ?? existing?.status ?? "prospect",
    };
    // A status set by the file follows the same rules as the status endpoint: the lifecycle, and approvers only.
    if (row.status && row.status !== existing?.status) {
      if (existing && !canMovePartner(existing.status as PartnerStatus, row.status)) {
        problems.errors.push({
          row: row.row,
          column: statusLabel,
          message: `a partner cannot move from ${existing.status} to ${row.status}`,
        });
      } else if (APPROVER_STATUSES.includes(row.status) && !canApprove) {
        problems.errors.push({
          row: row.row,
          column: statusLabel,
          message: `only an owner, admin or security manager may set a partner to ${row.status}`,
        });
      }
    }
    if (problems.errors.length > errorsBefore) continue;
    idOfKey.set(row.key, value.id);
    const fields: string[] = [];
    if (!existing) {
      fields.push("name", "type", "country");
      if (value.legalName !== null) fields.push("legal_name");
      if (value.address !== null) fields.push("address");
      if (value.website !== null) fields.push("website");
      if (row.risk) fields.push("risk");
      if (row.status) fields.push("status");
      if (row.identifiers?.length) fields.push("identifiers");
    } else {
      if (value.name !== existing.name) fields.push("name");
      if (value.legalName !== existing.legal_name) fields.push("legal_name");
      if (value.type !== existing.type) fields.push("type");
      if (value.countryCode !== existing.country_code) fields.push("country");
      if (value.address !== existing.address) fields.push("address");
      if (value.website !== existing.website) fields.push("website");
      if (value.risk !== existing.risk_level) fields.push("risk");
      if (value.status !== existing.status) fields.push("status");
      if (row.identifiers && !sameSet(identifierList(row.identifiers), identifiersOf.get(existing.id) ?? [])) fields.push("identifiers");
    }
    planned.push({ row, id: value.id, existing, fields, value });
  }

  // Supplier keys: resolved once every row of the file has its id.
  const supplierLabel = labels.supplier_keys ?? "supplier_keys";
  const desired = new Map<string, string[]>();
  for (const p of planned) {
    if (!p.row.supplier_keys) continue;
    const ids: string[] = [];
    for (const key of p.row.supplier_keys) {
      const id = idOfKey.get(key) ?? (fileKeys.has(key) ? undefined : find(key)?.id);
      if (key === p.row.key || id === p.id) {
        problems.errors.push({ row: p.row.row, column: supplierLabel, message: "a partner cannot be its own supplier" });
      } else if (id) {
        ids.push(id);
      } else if (!fileKeys.has(key)) {
        problems.errors.push({
          row: p.row.row,
          column: supplierLabel,
          message: `"${key.slice(0, 60)}" is not a partner key of this file or of your registry`,
        });
      }
    }
    desired.set(p.id, ids);
    const current = p.existing ? (suppliersOf.get(p.existing.id) ?? []) : [];
    if (!sameSet(ids, current)) p.fields.push("supplier_keys");
  }
  if (desired.size > 0) reportCycles({ planned, desired, db, problems, label: supplierLabel });

  let unchanged = 0;
  for (const p of planned) {
    if (p.existing && p.fields.length === 0) {
      unchanged++;
      continue;
    }
    changes.push({ row: p.row.row, action: p.existing ? "update" : "create", key: p.row.key, fields: p.fields });
    (p.existing ? write.updates : write.inserts).push(p.value);
    if (!p.existing || p.value.status !== p.existing.status) {
      write.history.push({ id: randomUUID(), partnerId: p.id, from: p.existing?.status ?? null, to: p.value.status });
    }
    if (p.fields.includes("identifiers")) {
      if (p.existing) write.identifierOwners.push(p.id);
      for (const i of p.row.identifiers ?? []) write.identifiers.push({ partnerId: p.id, kind: i.kind, value: i.value });
    }
    if (p.fields.includes("supplier_keys")) {
      const want = desired.get(p.id) ?? [];
      const have = p.existing ? (suppliersOf.get(p.existing.id) ?? []) : [];
      for (const s of want) if (!have.includes(s)) write.addRelations.push({ supplierId: s, customerId: p.id });
      for (const s of have) if (!want.includes(s)) write.removeRelations.push({ supplierId: s, customerId: p.id });
    }
  }
  const create = changes.filter((c) => c.action === "create").length;
  return { create, update: changes.length - create, unchanged, changes, write };
}

/**
 * Cycles in the supplier graph the import would leave: the registry's relations, with the suppliers of every partner
 * of the file that has a supplier_keys cell replaced by the file's. Each cycle is reported on a row of the file.
 */
function reportCycles(input: {
  planned: { row: { row: number; key: string }; id: string }[];
  desired: Map<string, string[]>;
  db: PartnerDbState;
  problems: PlanInput["problems"];
  label: string;
}): void {
  const { planned, desired, db, problems, label } = input;
  // Integer node numbers and plain arrays: the graph may have 100,000 partners and 300,000 relations.
  const index = new Map<string, number>();
  const ids: string[] = [];
  const numberOf = (id: string) => {
    let n = index.get(id);
    if (n === undefined) {
      n = ids.length;
      index.set(id, n);
      ids.push(id);
    }
    return n;
  };
  // Edges customer → supplier (following "who supplies whom" upstream).
  const up: number[][] = [];
  const edge = (customer: string, supplier: string) => {
    const c = numberOf(customer);
    const s = numberOf(supplier);
    const list = up[c];
    if (list) list.push(s);
    else up[c] = [s];
  };
  for (const r of db.relations) if (!desired.has(r.customer_id)) edge(r.customer_id, r.supplier_id);
  for (const [customer, suppliers] of desired) for (const s of suppliers) edge(customer, s);
  const rowOf = new Map(planned.map((p) => [p.id, p.row]));
  const keyOfId = new Map<string, string>(db.partners.map((p) => [p.id, keyOf(p)]));
  for (const p of planned) keyOfId.set(p.id, p.row.key);

  const state = new Uint8Array(ids.length); // 0 = unseen, 1 = on the current path, 2 = done
  const next = new Int32Array(ids.length);
  const path = new Int32Array(ids.length);
  for (const startId of desired.keys()) {
    const start = index.get(startId);
    if (start === undefined || state[start] !== 0) continue;
    let depth = 0;
    path[0] = start;
    state[start] = 1;
    while (depth >= 0) {
      const node = path[depth] as number;
      const out = up[node];
      const at = next[node] as number;
      if (!out || at >= out.length) {
        state[node] = 2;
        depth--;
        continue;
      }
      next[node] = at + 1;
      const m = out[at] as number;
      if (state[m] === 1) {
        const from = path.subarray(0, depth + 1).indexOf(m);
        const cycle = [...path.subarray(from, depth + 1), m].map((n) => ids[n] as string);
        const row = cycle.map((id) => rowOf.get(id)).find((r) => r !== undefined);
        const names = cycle.map((id) => `"${(keyOfId.get(id) ?? id).slice(0, 40)}"`).join(" ← ");
        problems.errors.push({ row: row?.row ?? 0, column: label, message: `the supplier chain closes a cycle: ${names}` });
      } else if (state[m] === 0) {
        state[m] = 1;
        path[++depth] = m;
      }
    }
  }
}
