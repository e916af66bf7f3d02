import { createHash } from "node:crypto";
import { canonicalJson, compareCriterionIds, MSC_LIBRARY } from "@portcullis/domain";
import type { Tx } from "../../db/tx.ts";
import { listEvidenceForTargets } from "../evidence/evidence.service.ts";
import { approvedProceduresByCriterion } from "../procedures/procedures.repo.ts";
import { buildProfileItems } from "../security-profile/security-profile.service.ts";
import type { Compare } from "./reviews.schema.ts";

/** One criterion as frozen in a signed review (and as the live profile is compared against it). */
export interface SnapshotItem {
  criterionId: string;
  categoryId: number;
  level: string;
  status: string;
  narrative: string | null;
  /** The owner's name at signing (people's records may change later; the snapshot must not). */
  owner: string | null;
  naJustification: string | null;
  lastReviewedOn: string | null;
  evidence: { title: string; version: number; sha256: string }[];
  procedures: { code: string; title: string; approvedVersion: number | null }[];
}

/** The frozen profile of a signed review; its SHA-256 is taken over the canonical JSON. */
export interface ProfileSnapshot {
  format: "portcullis.profile-snapshot/1";
  version: number;
  anniversaryOn: string;
  takenOn: string;
  signedAt: string;
  signedBy: { id: string | null; displayName: string };
  note: string | null;
  company: { legalName: string; entityTypes: string[] };
  library: { version: string; edition: string };
  items: SnapshotItem[];
}

/** SHA-256 (hex) of a snapshot's canonical JSON: the same bytes whatever order jsonb keeps the keys in. */
export function hashSnapshot(snapshot: unknown): string {
  return createHash("sha256").update(canonicalJson(snapshot), "utf8").digest("hex");
}

/** The live profile in snapshot form: every applicable item with its evidence hashes and approved procedure versions. */
export async function liveSnapshotItems(options: { tx: Tx; tenantId: string; today: string }) {
  const { tx, tenantId, today } = options;
  const profile = await buildProfileItems({ tx, tenantId, today });
  const ids = profile.items.map((i) => i.criterionId);
  const evidence = await listEvidenceForTargets(tx, tenantId, "criterion", ids);
  const procedures = new Map<string, SnapshotItem["procedures"]>();
  for (const p of await approvedProceduresByCriterion(tx, tenantId)) {
    const list = procedures.get(p.criterion_id) ?? [];
    list.push({ code: p.code, title: p.title, approvedVersion: p.version });
    procedures.set(p.criterion_id, list);
  }
  const items: SnapshotItem[] = profile.items.map((i) => ({
    criterionId: i.criterionId,
    categoryId: i.categoryId,
    level: i.level,
    status: i.status,
    narrative: i.narrative,
    owner: i.owner?.displayName ?? null,
    naJustification: i.naJustification,
    lastReviewedOn: i.lastReviewedOn,
    evidence: (evidence.get(i.criterionId) ?? []).map((e) => ({ title: e.title, version: e.currentVersion, sha256: e.sha256.trim() })),
    procedures: procedures.get(i.criterionId) ?? [],
  }));
  return { entityTypes: profile.entityTypes as string[], items, profile };
}

/** The library edition a snapshot was taken against. */
export const LIBRARY_STAMP = { version: MSC_LIBRARY.version, edition: MSC_LIBRARY.edition };

type Side = Compare["rows"][number]["from"];

function sideOf(item: SnapshotItem | undefined): Side {
  if (!item) return null;
  return {
    status: item.status,
    narrative: item.narrative,
    owner: item.owner,
    naJustification: item.naJustification,
    evidence: item.evidence,
    procedures: item.procedures,
  };
}

/** Row by row comparison of two snapshots' items; a criterion present on one side only counts as changed. */
export function compareItems(from: SnapshotItem[], to: SnapshotItem[]): Compare["rows"] {
  const a = new Map(from.map((i) => [i.criterionId, i]));
  const b = new Map(to.map((i) => [i.criterionId, i]));
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort(compareCriterionIds);
  return ids.map((criterionId) => {
    const before = a.get(criterionId);
    const after = b.get(criterionId);
    const left = sideOf(before);
    const right = sideOf(after);
    return {
      criterionId,
      level: after?.level ?? before?.level ?? "should",
      from: left,
      to: right,
      // A Should that became a Must is a change too, even with the same answer.
      changed: canonicalJson([left, before?.level ?? null]) !== canonicalJson([right, after?.level ?? null]),
    };
  });
}
