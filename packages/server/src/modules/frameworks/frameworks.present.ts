import { compareCriterionIds } from "@portcullis/domain";
import type { ProfileStatus } from "../security-profile/security-profile.schema.ts";
import type { Relation } from "./frameworks.import.ts";
import type { FrameworkViewRow } from "./frameworks.repo.ts";
import type { Control, Framework } from "./frameworks.schema.ts";

const iso = (d: Date | string) => new Date(d).toISOString();

/** Whitelist a framework row for the API. */
export function presentFramework(row: FrameworkViewRow): Framework {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    description: row.description,
    sourceFilename: row.source_filename,
    controlCount: Number(row.control_count ?? 0),
    mappingCount: Number(row.mapping_count ?? 0),
    archived: row.archived_at !== null,
    archivedAt: row.archived_at ? iso(row.archived_at) : null,
    createdAt: iso(row.created_at),
    createdBy: row.created_by ? { id: row.created_by, displayName: row.created_by_name ?? "" } : null,
  };
}

/** A control row as stored. */
export interface ControlRow {
  id: string;
  ref: string;
  title: string;
  description: string | null;
  status: string | null;
  position: number;
}

/** A stored control status; never assessed (null) reads as not_assessed. */
export const controlStatus = (status: string | null): ProfileStatus => (status ?? "not_assessed") as ProfileStatus;

/** Controls in file order, each with its mappings in MSC order. */
export function presentControls(
  controls: ControlRow[],
  mappings: { control_id: string; criterion_id: string; relation: string }[],
): (Control & { id: string })[] {
  const byControl = new Map<string, { criterionId: string; relation: Relation }[]>();
  for (const m of mappings) {
    const list = byControl.get(m.control_id) ?? [];
    list.push({ criterionId: m.criterion_id, relation: m.relation as Relation });
    byControl.set(m.control_id, list);
  }
  return controls.map((c) => ({
    id: c.id,
    ref: c.ref,
    title: c.title,
    description: c.description,
    status: controlStatus(c.status),
    position: c.position,
    mappings: (byControl.get(c.id) ?? []).sort((a, b) => compareCriterionIds(a.criterionId, b.criterionId)),
  }));
}
