import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, request } from "../../api/client";
import type { Page } from "../../api/types";
import type { Role } from "../../lib/constants";
import type { Person } from "../evidence/api";

export const PROCEDURE_STATUSES = ["draft", "in_review", "approved", "archived"] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];
export type VersionStatus = "draft" | "in_review" | "approved" | "superseded";

/** A procedure (SOP) as lists show it. */
export interface Procedure {
  id: string;
  code: string;
  title: string;
  status: ProcedureStatus;
  /** The version in force (approved), or null before the first approval. */
  currentVersion: number | null;
  latestVersion: number;
  /** An open draft or a version under review. */
  pending: { version: number; status: "draft" | "in_review" } | null;
  criterionIds: string[];
  owner: Person | null;
  requiresAck: boolean;
  reviewIntervalMonths: number;
  reviewIntervalDefault: boolean;
  yearlyReview: boolean;
  approvedAt: string | null;
  approvedBy: Person | null;
  nextReviewOn: string | null;
  reviewDue: boolean;
  reviewOverdue: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProcedureVersion {
  version: number;
  status: VersionStatus;
  changeNote: string | null;
  author: Person | null;
  submittedAt: string | null;
  approvedBy: Person | null;
  approvedAt: string | null;
  createdAt: string;
}

export interface ProcedureDetail extends Procedure {
  versions: ProcedureVersion[];
  /** Text of the newest version (the open draft or review when there is one). */
  body: string;
  /** Text of the version in force. */
  approvedBody: string | null;
  /** When the caller acknowledged the version in force. */
  acknowledgedAt: string | null;
  rejection: { version: number; comment: string; by: Person | null; at: string } | null;
}

export interface Acknowledgements {
  version: number | null;
  acknowledged: number;
  total: number;
  items: { user: Person | null; role: string; acknowledgedAt: string | null }[];
}

export interface CreateProcedureInput {
  code: string;
  title: string;
  body: string;
  criterionIds: string[];
  ownerUserId?: string | null;
  requiresAck?: boolean;
  reviewIntervalMonths?: number | null;
}

export type UpdateProcedureInput = Partial<Omit<CreateProcedureInput, "code" | "body">>;

export interface ProcedureFilters {
  q?: string;
  status?: string | null;
  reviewDue?: boolean;
  criterionId?: string | null;
  limit: number;
  offset: number;
}

export const procedureKeys = {
  list: (f: ProcedureFilters) => ["procedures", "list", f] as const,
  one: (id: string) => ["procedures", "one", id] as const,
  acks: (id: string) => ["procedures", "acks", id] as const,
};

const path = (id: string, rest = "") => `/procedures/${encodeURIComponent(id)}${rest}`;

export function useProcedures(f: ProcedureFilters) {
  return useQuery({
    queryKey: procedureKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<Page<Procedure>>(
        "/procedures",
        {
          q: f.q?.trim() || undefined,
          status: f.status ?? undefined,
          reviewDue: f.reviewDue ? "true" : undefined,
          criterionId: f.criterionId ?? undefined,
          limit: f.limit,
          offset: f.offset,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useProcedure(id: string) {
  return useQuery({
    queryKey: procedureKeys.one(id),
    queryFn: ({ signal }) => api.get<ProcedureDetail>(path(id), undefined, signal),
  });
}

export function useAcknowledgements(id: string, enabled: boolean) {
  return useQuery({
    queryKey: procedureKeys.acks(id),
    queryFn: ({ signal }) => api.get<Acknowledgements>(path(id, "/acknowledgements"), undefined, signal),
    enabled,
  });
}

/** Every mutation answers the fresh detail: store it, and refresh what shows procedures elsewhere. */
function useProcedureMutation<V>(fn: (v: V) => Promise<ProcedureDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (p) => {
      qc.setQueryData(procedureKeys.one(p.id), p);
      void qc.invalidateQueries({ queryKey: procedureKeys.acks(p.id) });
      void qc.invalidateQueries({ queryKey: ["procedures", "list"] });
      void qc.invalidateQueries({ queryKey: ["profile"] });
      void qc.invalidateQueries({ queryKey: ["dashboard"] });
      void qc.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

export function useCreateProcedure() {
  return useProcedureMutation((body: CreateProcedureInput) => api.post<ProcedureDetail>("/procedures", body));
}

export function useUpdateProcedure(id: string) {
  return useProcedureMutation((body: UpdateProcedureInput) => api.patch<ProcedureDetail>(path(id), body));
}

export type WorkflowAction =
  | { kind: "submit" | "approve" | "acknowledge" | "archive" }
  | { kind: "reject"; comment: string }
  | { kind: "new-version"; body: string; changeNote: string }
  | { kind: "edit-draft"; body: string; changeNote?: string | null };

/** The version workflow and acknowledgement, one hook for the detail page's buttons. */
export function useProcedureAction(id: string) {
  return useProcedureMutation((a: WorkflowAction) => {
    switch (a.kind) {
      case "reject":
        return api.post<ProcedureDetail>(path(id, "/reject"), { comment: a.comment });
      case "new-version":
        return api.post<ProcedureDetail>(path(id, "/versions"), { body: a.body, changeNote: a.changeNote });
      case "edit-draft":
        return request<ProcedureDetail>("PUT", path(id, "/draft"), { body: { body: a.body, changeNote: a.changeNote } });
      default:
        return api.post<ProcedureDetail>(path(id, `/${a.kind}`));
    }
  });
}

/** Roles that approve procedure versions and sign the annual review (APPROVER_ROLES in the domain). */
export const APPROVER_ROLES: readonly Role[] = ["owner", "admin", "security-manager"];

export function isApprover(role: Role | null | undefined): boolean {
  return !!role && APPROVER_ROLES.includes(role);
}
