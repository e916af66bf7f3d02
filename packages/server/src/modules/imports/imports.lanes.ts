/**
 * Planning a lane import: one row per leg; the legs of a lane sit on consecutive rows numbered 1, 2, 3…, each leg
 * starts where the previous one ends, and no node repeats within a lane. Nodes and carriers are resolved against the
 * company's sites, partner sites, partners and the packaged locations. Lanes are counted per lane, not per row.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { integerCell, keyCell, optionalText, parseRecord, requiredText, wordCell } from "./imports.cells.ts";
import { type Change, keyIndex, type Plan, type PlanInput } from "./imports.model.ts";
import type { NodeResolver } from "./imports.nodes.ts";
import type { LaneState, PartnerState } from "./imports.repo.ts";
import { MODES, modeOf } from "./imports.vocab.ts";
import type { LaneWrite } from "./imports.write.ts";

/** One row (one leg) of a lane file. */
export const LaneRowSchema = z.object({
  key: keyCell,
  // Only the lane's first row must name it; later rows may leave the name empty.
  name: optionalText(200),
  leg: integerCell(1, 1000),
  from: requiredText(300),
  to: requiredText(300),
  mode: wordCell(modeOf, "transport mode", MODES),
  carrier_key: optionalText(100),
});
type LaneRow = z.output<typeof LaneRowSchema> & { row: number };

/** Plan a lane import. */
export function planLanes(
  input: PlanInput & { db: { lanes: LaneState[]; partners: PartnerState[] }; nodes: NodeResolver },
): Plan<LaneWrite[]> {
  const { records, labels, problems, db, nodes } = input;
  const label = (c: string) => labels[c] ?? c;
  const err = (row: number, column: string, message: string) => problems.errors.push({ row, column: label(column), message });
  const findLane = keyIndex(db.lanes);
  const findPartner = keyIndex(db.partners);

  // Group consecutive rows by key; a key that comes back after another lane is an error.
  const groups: { key: string; records: typeof records }[] = [];
  const firstRow = new Map<string, number>();
  for (const record of records) {
    const key = record.cells.key ?? "";
    const last = groups[groups.length - 1];
    if (last && last.key === key) {
      last.records.push(record);
      continue;
    }
    const first = firstRow.get(key);
    if (first !== undefined && key !== "") {
      err(record.row, "key", `the legs of lane "${key.slice(0, 60)}" must be on consecutive rows (its first leg is on row ${first})`);
      continue;
    }
    firstRow.set(key, record.row);
    groups.push({ key, records: [record] });
  }

  const write: LaneWrite[] = [];
  const changes: Change[] = [];
  let unchanged = 0;
  for (const group of groups) {
    const before = problems.errors.length;
    const rows: LaneRow[] = [];
    for (const record of group.records) {
      const parsed = parseRecord(LaneRowSchema, record, labels, problems);
      if (parsed) rows.push({ ...parsed, row: record.row });
    }
    if (problems.errors.length > before) continue;
    const head = rows[0] as LaneRow;
    if (head.name === null || head.name === undefined) err(head.row, "name", "is empty (the first row of a lane names it)");
    const legs: LaneWrite["legs"] = [];
    const visited = new Map<string, string>();
    rows.forEach((r, i) => {
      if (r.leg !== i + 1) err(r.row, "leg", `should be ${i + 1}: legs are numbered 1, 2, 3… on consecutive rows`);
      if (i > 0 && r.name && r.name !== head.name) err(r.row, "name", `differs from the lane's name on row ${head.row}`);
      const from = nodes.resolve(r.from);
      const to = nodes.resolve(r.to);
      if ("error" in from) err(r.row, "from", from.error);
      if ("error" in to) err(r.row, "to", to.error);
      let carrierId: string | null = null;
      if (r.carrier_key) {
        const carrier = findPartner(r.carrier_key);
        if (carrier) carrierId = carrier.id;
        else err(r.row, "carrier_key", `"${r.carrier_key.slice(0, 60)}" is not a partner key of your registry`);
      }
      if ("error" in from || "error" in to) return;
      const prev = legs[legs.length - 1];
      if (prev && prev.to !== from.node) err(r.row, "from", `should be where leg ${i} ends (${(rows[i - 1] as LaneRow).to.slice(0, 60)})`);
      if (from.node === to.node) err(r.row, "to", "a leg cannot end where it starts");
      if (i === 0) visited.set(from.node, r.from);
      const again = visited.get(to.node);
      if (again !== undefined && from.node !== to.node) err(r.row, "to", `the lane passes ${r.to.slice(0, 60)} twice (a cycle)`);
      visited.set(to.node, r.to);
      legs.push({ seq: i + 1, from: from.node, to: to.node, mode: r.mode, carrierId, atRest: "[]" });
    });
    if (problems.errors.length > before) continue;

    const existing = findLane(group.key);
    const name = head.name as string;
    const fields: string[] = [];
    let replaceLegs = true;
    if (existing) {
      if (existing.name !== name) fields.push("name");
      const old = existing.legs;
      replaceLegs =
        old.length !== legs.length ||
        legs.some((l, i) => {
          const o = old[i];
          return !o || o.from !== l.from || o.to !== l.to || o.mode !== l.mode || o.carrierId !== l.carrierId;
        });
      if (replaceLegs) fields.push("legs");
      // Keep what was recorded about at-rest points of legs that still go between the same nodes.
      for (const l of legs) {
        const o = old.find((x) => x.seq === l.seq && x.from === l.from && x.to === l.to);
        if (o) l.atRest = JSON.stringify(o.atRest ?? []);
      }
      if (fields.length === 0) {
        unchanged++;
        continue;
      }
    } else {
      fields.push("name", "legs");
    }
    changes.push({ row: head.row, action: existing ? "update" : "create", key: group.key, fields });
    write.push({
      id: existing?.id ?? randomUUID(),
      key: existing ? existing.external_key : group.key,
      name,
      isNew: !existing,
      replaceLegs,
      legs,
    });
  }
  const create = changes.filter((c) => c.action === "create").length;
  return { create, update: changes.length - create, unchanged, changes, write };
}
