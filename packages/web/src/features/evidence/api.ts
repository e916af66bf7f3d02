import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import type { Language } from "../../i18n";

/** A person as the Security Profile API shows one. */
export interface Person {
  id: string;
  displayName: string;
}

export const EVIDENCE_CATEGORIES = ["document", "photo", "certificate", "training", "inspection", "other"] as const;
export type EvidenceCategory = (typeof EVIDENCE_CATEGORIES)[number];

export const EVIDENCE_STATUSES = ["valid", "expiring", "expired", "no-expiry"] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** One stored file of an evidence item. */
export interface EvidenceVersion {
  version: number;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  filename: string;
  uploadedAt: string;
  uploadedBy: Person | null;
  note: string | null;
}

export interface EvidenceView {
  id: string;
  title: string;
  description: string | null;
  category: EvidenceCategory;
  currentVersion: number;
  effectiveOn: string | null;
  expiresOn: string | null;
  remindDays: number;
  status: EvidenceStatus;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  linkCount: number;
  latest: EvidenceVersion | null;
}

export interface EvidenceLink {
  targetType: "criterion" | "procedure" | (string & {});
  targetId: string;
  label: string | null;
}

export interface EvidenceDetail extends EvidenceView {
  versions: EvidenceVersion[];
  links: EvidenceLink[];
}

/** Body of PATCH /evidence/:id. */
export interface EvidencePatch {
  title?: string;
  description?: string | null;
  category?: EvidenceCategory;
  effectiveOn?: string | null;
  expiresOn?: string | null;
  remindDays?: number;
}

export interface EvidenceFilters {
  q?: string;
  category?: string | null;
  status?: string | null;
  criterionId?: string | null;
  archived?: boolean;
  limit: number;
  offset: number;
}

export const evidenceKeys = {
  all: ["evidence"] as const,
  list: (f: EvidenceFilters) => ["evidence", "list", f] as const,
  one: (id: string) => ["evidence", "one", id] as const,
};

const path = (id: string, rest = "") => `/evidence/${encodeURIComponent(id)}${rest}`;

/** Where the browser downloads one version of a file (a plain link: the session cookie authorizes it). */
export function downloadUrl(id: string, version: number): string {
  return `/api${path(id, "/download")}?version=${version}`;
}

export function useEvidenceList(f: EvidenceFilters) {
  return useQuery({
    queryKey: evidenceKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<Page<EvidenceView>>(
        "/evidence",
        {
          q: f.q?.trim() || undefined,
          category: f.category ?? undefined,
          status: f.status ?? undefined,
          criterionId: f.criterionId ?? undefined,
          archived: f.archived ? "true" : "false",
          limit: f.limit,
          offset: f.offset,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEvidence(id: string) {
  return useQuery({
    queryKey: evidenceKeys.one(id),
    queryFn: ({ signal }) => api.get<EvidenceDetail>(path(id), undefined, signal),
  });
}

/** Drop every cached view that shows evidence (lists, the profile, the dashboard, the audit log). */
export function invalidateEvidence(qc: ReturnType<typeof useQueryClient>, id?: string): void {
  if (id) void qc.invalidateQueries({ queryKey: evidenceKeys.one(id) });
  void qc.invalidateQueries({ queryKey: ["evidence", "list"] });
  void qc.invalidateQueries({ queryKey: ["profile"] });
  void qc.invalidateQueries({ queryKey: ["dashboard"] });
  void qc.invalidateQueries({ queryKey: ["audit"] });
}

function useEvidenceMutation<V>(id: string, fn: (v: V) => Promise<EvidenceView>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateEvidence(qc, id) });
}

export function useUpdateEvidence(id: string) {
  return useEvidenceMutation(id, (body: EvidencePatch) => api.patch<EvidenceView>(path(id), body));
}

export function useArchiveEvidence(id: string) {
  return useEvidenceMutation(id, (archive: boolean) => api.post<EvidenceView>(path(id, archive ? "/archive" : "/restore")));
}

export function useLinkEvidence(id: string) {
  return useEvidenceMutation(id, ({ link, target }: { link: boolean; target: { targetType: string; targetId: string } }) =>
    api.post<EvidenceView>(path(id, link ? "/links" : "/unlink"), target),
  );
}

/** One MSC criterion as the pickers need it. */
export interface CriterionOption {
  id: string;
  level: "must" | "should" | null;
  requirement: { en: string; es: string };
  /** The criterion must be reviewed every year (so must procedures covering it). */
  yearlyReview?: boolean;
}

/** The MSC library (catalog data: cached for the session). */
export function useCriteriaOptions() {
  return useQuery({
    queryKey: ["criteria", "options"],
    queryFn: ({ signal }) => api.get<{ items: CriterionOption[] }>("/criteria", undefined, signal).then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Select options "6.1 · requirement…" for the criteria pickers. */
export function criteriaSelectData(items: CriterionOption[] | undefined, lang: Language): { value: string; label: string }[] {
  return (items ?? []).map((c) => {
    const text = c.requirement?.[lang] ?? c.requirement?.en ?? "";
    const short = text.length > 90 ? `${text.slice(0, 88)}…` : text;
    return { value: c.id, label: short ? `${c.id} · ${short}` : c.id };
  });
}
