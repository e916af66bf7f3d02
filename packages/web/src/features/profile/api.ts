import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, request } from "../../api/client";
import type { Role } from "../../lib/constants";
import type { Bilingual, Certainty, Provenance, RequirementLevel } from "../criteria/api";

/** Answer to "is this criterion in place?"; `not_assessed` until someone answers. */
export const PROFILE_STATUSES = ["implemented", "partial", "not_implemented", "not_applicable", "not_assessed"] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** The shortcuts of the gap dashboard's attention cards (also a list filter). */
export const ATTENTION_FILTERS = ["musts-not-met", "no-evidence", "review-overdue", "na-pending"] as const;
export type AttentionFilter = (typeof ATTENTION_FILTERS)[number];

/** Roles that may approve a Must marked N/A (mirrors APPROVER_ROLES in packages/domain). */
export const APPROVER_ROLES: readonly Role[] = ["owner", "admin", "security-manager"];

/** Roles that may list the company's members (GET /api/users). */
export const MEMBER_LIST_ROLES: readonly Role[] = ["owner", "admin", "security-manager"];

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface ProfileItemView {
  criterionId: string;
  categoryId: number;
  focusAreaId: string;
  level: RequirementLevel | null;
  certainty: Certainty;
  appliesTo: string[];
  requirement: Bilingual;
  provenance: Provenance;
  yearlyReview: boolean;
  status: ProfileStatus;
  narrative: string | null;
  owner: PersonRef | null;
  naJustification: string | null;
  naStatus: "none" | "pending" | "approved";
  /** Who asked for the N/A; the approver must be someone else. */
  naRequestedBy?: PersonRef | null;
  naApprovedBy: PersonRef | null;
  naApprovedAt: string | null;
  lastReviewedOn: string | null;
  reviewDueOn: string | null;
  reviewOverdue: boolean;
  evidenceCount: number;
  procedureCount: number;
  updatedAt: string | null;
  updatedBy: PersonRef | null;
}

export interface LinkedEvidence {
  id: string;
  title: string;
  currentVersion: number;
  sha256: string | null;
  filename: string | null;
  expiresOn: string | null;
  status: "valid" | "expiring" | "expired" | "no-expiry";
}

export interface LinkedProcedure {
  id: string;
  code: string;
  title: string;
  status: string;
}

export interface ProfileItemDetail extends ProfileItemView {
  evidence: LinkedEvidence[];
  procedures: LinkedProcedure[];
}

export interface ProfileResponse {
  entityTypes: string[];
  anniversaryDate: string | null;
  items: ProfileItemView[];
  total: number;
}

export type Counts = Record<ProfileStatus, number> & { total: number };

export interface GapsResponse {
  score: number | null;
  totals: Counts;
  byFocusArea: { focusAreaId: string; name: Bilingual | string; must: Counts; should: Counts }[];
  byCategory: { categoryId: number; focusAreaId: string; name: Bilingual | string; must: Counts; should: Counts; evidenceLinks: number }[];
  attention: { mustsNotMet: number; noEvidence: number; reviewOverdue: number; naPending: number };
}

export interface ProfileFilters {
  focusAreaId?: string | null;
  categoryId?: string | null;
  level?: string | null;
  status?: string | null;
  filter?: string | null;
  q?: string | null;
}

export interface ProfileItemInput {
  status: ProfileStatus;
  narrative?: string | null;
  ownerUserId?: string | null;
  naJustification?: string | null;
  lastReviewedOn?: string | null;
}

export const profileKeys = {
  all: ["profile"] as const,
  list: (f: ProfileFilters) => ["profile", "list", f] as const,
  gaps: ["profile", "gaps"] as const,
  item: (id: string) => ["profile", "item", id] as const,
};

const itemPath = (id: string) => `/security-profile/items/${encodeURIComponent(id)}`;

export function useProfile(f: ProfileFilters) {
  return useQuery({
    queryKey: profileKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<ProfileResponse>(
        "/security-profile",
        {
          focusAreaId: f.focusAreaId,
          categoryId: f.categoryId,
          level: f.level,
          status: f.status,
          filter: f.filter,
          q: f.q?.trim() || undefined,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useGaps() {
  return useQuery({
    queryKey: profileKeys.gaps,
    queryFn: ({ signal }) => api.get<GapsResponse>("/security-profile/gaps", undefined, signal),
  });
}

export function useProfileItem(id: string) {
  return useQuery({
    queryKey: profileKeys.item(id),
    queryFn: ({ signal }) => api.get<ProfileItemDetail>(itemPath(id), undefined, signal),
  });
}

/** After any change to an item: its detail, the list, the dashboard, and the audit trail. */
export function useRefreshProfile() {
  const qc = useQueryClient();
  return (id?: string) => {
    if (id) void qc.invalidateQueries({ queryKey: profileKeys.item(id) });
    void qc.invalidateQueries({ queryKey: ["profile", "list"] });
    void qc.invalidateQueries({ queryKey: profileKeys.gaps });
    void qc.invalidateQueries({ queryKey: ["dashboard"] });
    void qc.invalidateQueries({ queryKey: ["audit"] });
    // The evidence screens (another feature) cache link counts under "evidence".
    void qc.invalidateQueries({ queryKey: ["evidence"] });
  };
}

function useItemMutation<V>(id: string, fn: (v: V) => Promise<ProfileItemView>) {
  const qc = useQueryClient();
  const refresh = useRefreshProfile();
  return useMutation({
    mutationFn: fn,
    onSuccess: (view) => {
      qc.setQueryData<ProfileItemDetail>(profileKeys.item(id), (old) => (old ? { ...old, ...view } : old));
      refresh(id);
    },
  });
}

export function useSaveProfileItem(id: string) {
  return useItemMutation(id, (body: ProfileItemInput) => request<ProfileItemView>("PUT", itemPath(id), { body }));
}

export function useApproveNa(id: string) {
  return useItemMutation(id, () => api.post<ProfileItemView>(`${itemPath(id)}/approve-na`));
}

export interface MemberOption {
  id: string;
  displayName: string;
  email: string;
  active: boolean;
}

/** Members for the owner picker; only asked for by roles that may list them. */
export function useMemberOptions(enabled: boolean) {
  return useQuery({
    queryKey: ["users"],
    queryFn: ({ signal }) => api.get<{ items: MemberOption[] }>("/users", undefined, signal),
    enabled,
    retry: false,
  });
}
