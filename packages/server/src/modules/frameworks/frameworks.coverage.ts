/**
 * Coverage of a custom framework against the company's Security Profile: draft statuses derived both ways.
 * Pure functions; the service feeds them the stored controls and `buildProfileItems`.
 *
 * How a relation is read: `control → 6.1 = superset` says the MSC criterion 6.1 is a SUPERSET of the control
 * (6.1 asks for everything the control asks, and more); `subset` says the criterion covers only part of the
 * control. So evidence flows fully in one direction only:
 * - control from criterion: equal or superset → the criterion covers the whole control; subset or related → partial at most;
 * - criterion from control: equal or subset → the control covers the whole criterion; superset or related → partial at most.
 */
import type { ProfileItemView, ProfileStatus } from "../security-profile/security-profile.schema.ts";
import type { Relation } from "./frameworks.import.ts";
import type { Control, Coverage } from "./frameworks.schema.ts";

/** One status feeding a derivation, and whether its side covers the derived side entirely. */
export interface Contribution {
  status: ProfileStatus;
  covers: boolean;
}

/** Relations under which the MSC criterion covers the whole control. */
const CRITERION_COVERS_CONTROL: ReadonlySet<Relation> = new Set(["equal", "superset"]);
/** Relations under which the control covers the whole MSC criterion. */
const CONTROL_COVERS_CRITERION: ReadonlySet<Relation> = new Set(["equal", "subset"]);

/**
 * A draft status from mapped statuses. One covering "implemented" suffices for implemented; otherwise any
 * implemented or partial gives partial; then not_implemented; then not_assessed. "Not applicable" sides are
 * skipped; when every side is N/A the draft is N/A. Nothing mapped → not_assessed.
 */
export function deriveStatus(contributions: readonly Contribution[]): ProfileStatus {
  const live = contributions.filter((c) => c.status !== "not_applicable");
  if (live.length === 0) return contributions.length > 0 ? "not_applicable" : "not_assessed";
  if (live.some((c) => c.covers && c.status === "implemented")) return "implemented";
  if (live.some((c) => c.status === "implemented" || c.status === "partial")) return "partial";
  if (live.some((c) => c.status === "not_implemented")) return "not_implemented";
  return "not_assessed";
}

const STATUSES: ProfileStatus[] = ["implemented", "partial", "not_implemented", "not_applicable", "not_assessed"];

function countStatuses(statuses: ProfileStatus[]) {
  const counts = { total: statuses.length, implemented: 0, partial: 0, not_implemented: 0, not_applicable: 0, not_assessed: 0 };
  for (const s of statuses) if (STATUSES.includes(s)) counts[s] += 1;
  return counts;
}

/** Coverage of one framework: each control from its MSC items, each applicable MSC item from its controls. */
export function buildCoverage(input: {
  framework: { id: string; name: string; version: string };
  controls: Control[];
  profile: ProfileItemView[];
}): Coverage {
  const items = new Map(input.profile.map((i) => [i.criterionId, i]));
  const controls = input.controls.map((c) => {
    const mappings = c.mappings.map((m) => {
      const item = items.get(m.criterionId);
      return { ...m, level: item?.level ?? null, profileStatus: item?.status ?? null };
    });
    // A criterion outside the company's profile says nothing about the control.
    const contributions = mappings.flatMap((m) =>
      m.profileStatus === null ? [] : [{ status: m.profileStatus, covers: CRITERION_COVERS_CONTROL.has(m.relation) }],
    );
    return { ref: c.ref, title: c.title, status: c.status, derivedStatus: deriveStatus(contributions), mappings };
  });

  const byCriterion = new Map<string, { ref: string; relation: Relation; status: ProfileStatus }[]>();
  for (const c of input.controls) {
    for (const m of c.mappings) {
      const list = byCriterion.get(m.criterionId) ?? [];
      list.push({ ref: c.ref, relation: m.relation, status: c.status });
      byCriterion.set(m.criterionId, list);
    }
  }
  const criteria = input.profile.map((item) => {
    const mapped = byCriterion.get(item.criterionId) ?? [];
    return {
      criterionId: item.criterionId,
      categoryId: item.categoryId,
      focusAreaId: item.focusAreaId,
      level: item.level,
      profileStatus: item.status,
      derivedStatus: deriveStatus(mapped.map((m) => ({ status: m.status, covers: CONTROL_COVERS_CRITERION.has(m.relation) }))),
      controls: mapped,
    };
  });

  return {
    framework: input.framework,
    controls,
    criteria,
    summary: {
      controls: {
        ...countStatuses(controls.map((c) => c.derivedStatus)),
        unmapped: controls.filter((c) => c.mappings.length === 0).length,
      },
      criteria: {
        ...countStatuses(criteria.map((c) => c.derivedStatus)),
        uncovered: criteria.filter((c) => c.controls.length === 0).length,
      },
    },
  };
}
