import type { TFunction } from "i18next";
import { isApiError } from "../../api/client";
import type { Lane, LaneInput, NodeInfo } from "./api";
import { checkLegs, type LaneMode, type LegProblem } from "./nodes";

export interface AtRestValues {
  /** Stable key for React lists (rows can be removed in the middle). */
  key: string;
  node: string | null;
  description: string;
}

export interface LegValues {
  key: string;
  from: string | null;
  to: string | null;
  mode: LaneMode | null;
  carrierPartnerId: string | null;
  carrierName: string | null;
  atRest: AtRestValues[];
}

export interface LaneFormValues {
  name: string;
  externalKey: string;
  description: string;
  legs: LegValues[];
}

/** Errors of one leg, by field (`from`, `to`, `mode`, `carrier`, `atRest`, `_leg` for the leg as a whole). */
export type LegErrors = Partial<Record<"from" | "to" | "mode" | "carrier" | "atRest" | "_leg", string>>;

let counter = 0;
/** A key for a new row of the form. */
export const newKey = () => `k${++counter}`;

export function emptyLeg(from: string | null = null): LegValues {
  return { key: newKey(), from, to: null, mode: null, carrierPartnerId: null, carrierName: null, atRest: [] };
}

export function toFormValues(lane: Lane | null): LaneFormValues {
  return {
    name: lane?.name ?? "",
    externalKey: lane?.externalKey ?? "",
    description: lane?.description ?? "",
    legs: lane
      ? lane.legs.map((l) => ({
          key: newKey(),
          from: l.from,
          to: l.to,
          mode: l.mode,
          carrierPartnerId: l.carrierPartnerId,
          carrierName: l.carrier?.name ?? null,
          atRest: l.atRest.map((a) => ({ key: newKey(), node: a.node, description: a.description ?? "" })),
        }))
      : [emptyLeg()],
  };
}

/** Node facts known to the form, for labels: the lane's resolved nodes, then whatever the pickers chose. */
export type NodeLabels = Record<string, Pick<NodeInfo, "id" | "kind" | "label"> & Partial<NodeInfo>>;

export function initialLabels(lane: Lane | null): NodeLabels {
  return Object.fromEntries((lane?.nodes ?? []).map((n) => [n.id, n]));
}

/** The message for a problem found in the browser, placed on the field it concerns. */
function problemErrors(p: LegProblem, t: TFunction, labels: NodeLabels): [number, LegErrors] {
  switch (p.kind) {
    case "missing-from":
      return [p.leg, { from: t("validation.required") }];
    case "missing-to":
      return [p.leg, { to: t("validation.required") }];
    case "same-ends":
      return [p.leg, { to: t("lanes.errors.sameEnds") }];
    case "gap":
      return [p.leg, { from: t("lanes.errors.gap", { leg: p.leg }) }];
    case "repeat":
      return [p.leg, { _leg: t("lanes.errors.repeat", { node: labels[p.node]?.label ?? p.node }) }];
  }
}

function merge(into: Record<number, LegErrors>, leg: number, errs: LegErrors) {
  const cur = into[leg] ?? {};
  for (const [k, v] of Object.entries(errs) as [keyof LegErrors, string][]) cur[k] = cur[k] ? `${cur[k]}; ${v}` : v;
  into[leg] = cur;
}

/** Client-side checks; the server checks again and its 422 details land on the same legs (see serverLegErrors). */
export function validateLane(
  v: LaneFormValues,
  t: TFunction,
  labels: NodeLabels,
): { name?: string; legs: Record<number, LegErrors>; form?: string } {
  const out: { name?: string; legs: Record<number, LegErrors>; form?: string } = { legs: {} };
  if (!v.name.trim()) out.name = t("validation.required");
  if (v.legs.length === 0) out.form = t("lanes.errors.noLegs");
  for (const p of checkLegs(v.legs)) merge(out.legs, ...problemErrors(p, t, labels));
  v.legs.forEach((leg, i) => {
    if (!leg.mode) merge(out.legs, i, { mode: t("validation.required") });
    if (leg.atRest.some((a) => !a.node)) merge(out.legs, i, { atRest: t("lanes.errors.atRestNode") });
  });
  return out;
}

export function hasErrors(e: ReturnType<typeof validateLane>): boolean {
  return !!e.name || !!e.form || Object.keys(e.legs).length > 0;
}

/** POST/PATCH body. Optional texts are omitted when empty on create and sent as null on update (to clear them). */
export function toLaneInput(v: LaneFormValues, mode: "create" | "update"): LaneInput {
  const opt = (s: string) => (s.trim() ? s.trim() : mode === "update" ? null : undefined);
  return {
    name: v.name.trim(),
    externalKey: opt(v.externalKey),
    description: opt(v.description),
    legs: v.legs.map((l) => ({
      from: l.from as string,
      to: l.to as string,
      mode: l.mode as LaneMode,
      carrierPartnerId: l.carrierPartnerId,
      atRest: l.atRest.map((a) => ({ node: a.node as string, description: a.description.trim() || null })),
    })),
  };
}

/**
 * Place the lanes API's 422 `rule_violation` details on the legs they concern: a gap after leg N (1-based),
 * the legs of a cycle, unknown or archived nodes (every leg naming them), unknown or archived carriers.
 */
export function serverLegErrors(e: unknown, v: LaneFormValues, t: TFunction, labels: NodeLabels): Record<number, LegErrors> {
  const out: Record<number, LegErrors> = {};
  if (isApiError(e) && e.code === "validation_failed") {
    // Zod paths such as ["legs", 2, "atRest", 0, "node"]: the leg number, then the field.
    for (const issue of e.issues) {
      const [head, leg, field] = issue.path;
      if (head !== "legs" || typeof leg !== "number") continue;
      const key =
        field === "carrierPartnerId"
          ? "carrier"
          : field === "from" || field === "to" || field === "mode" || field === "atRest"
            ? field
            : "_leg";
      merge(out, leg, { [key]: t("errors.fieldInvalid", { message: issue.message }) });
    }
    return out;
  }
  if (!isApiError(e) || e.code !== "rule_violation" || !e.details || typeof e.details !== "object") return out;
  const d = e.details as {
    rule?: string;
    gapAfterLeg?: number;
    legs?: number[];
    node?: string;
    nodes?: string[];
    carrierPartnerIds?: string[];
  };
  const name = (key: string) => labels[key]?.label ?? key;
  if (d.rule === "gap" && typeof d.gapAfterLeg === "number")
    merge(out, d.gapAfterLeg, { from: t("lanes.errors.gap", { leg: d.gapAfterLeg }) });
  if (d.rule === "cycle" && Array.isArray(d.legs)) {
    for (const n of d.legs) merge(out, n - 1, { _leg: t("lanes.errors.repeat", { node: name(d.node ?? "") }) });
  }
  if ((d.rule === "unknown_node" || d.rule === "archived_node") && Array.isArray(d.nodes)) {
    const msg = (key: string) =>
      t(d.rule === "unknown_node" ? "lanes.errors.unknownNode" : "lanes.errors.archivedNode", { node: name(key) });
    v.legs.forEach((leg, i) => {
      for (const key of d.nodes ?? []) {
        if (leg.from === key) merge(out, i, { from: msg(key) });
        if (leg.to === key) merge(out, i, { to: msg(key) });
        if (leg.atRest.some((a) => a.node === key)) merge(out, i, { atRest: msg(key) });
      }
    });
  }
  if ((d.rule === "unknown_carrier" || d.rule === "archived_carrier") && Array.isArray(d.carrierPartnerIds)) {
    const key = d.rule === "unknown_carrier" ? "lanes.errors.unknownCarrier" : "lanes.errors.archivedCarrier";
    v.legs.forEach((leg, i) => {
      if (leg.carrierPartnerId && d.carrierPartnerIds?.includes(leg.carrierPartnerId)) merge(out, i, { carrier: t(key) });
    });
  }
  return out;
}
