import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Member, Session } from "../../api/types";
import { SESSION_KEY } from "../auth/session";
import type { Person } from "../evidence/api";

/** One annual review in the list. */
export interface ReviewSummary {
  id: string;
  anniversaryOn: string;
  opensOn: string;
  status: "open" | "signed";
  version: number | null;
  snapshotHash: string | null;
  signedBy: Person | null;
  signedAt: string | null;
  tasksDone: number;
  tasksTotal: number;
  createdBy: Person | null;
  createdAt: string;
}

/** GET /security-profile/reviews: the yearly cycle and every review. */
export interface ReviewOverview {
  anniversaryDate: string | null;
  nextAnniversary: string | null;
  windowOpensOn: string | null;
  windowOpen: boolean;
  items: ReviewSummary[];
}

export interface StatusCounts {
  total: number;
  implemented: number;
  partial: number;
  not_implemented: number;
  not_applicable: number;
  not_assessed: number;
}

export interface ReviewTask {
  categoryId: number;
  name: { en: string; es: string };
  owner: Person | null;
  status: "open" | "done";
  note: string | null;
  completedBy: Person | null;
  completedAt: string | null;
}

export interface ReviewDetail extends ReviewSummary {
  signoffNote: string | null;
  tasks: ReviewTask[];
  /** What was frozen at signing; null while the review is open. */
  snapshot: {
    version: number;
    sha256: string;
    /** The stored snapshot still hashes to its SHA-256. */
    hashVerified: boolean;
    takenOn: string;
    items: number;
    counts: StatusCounts;
    evidenceFiles: number;
    procedures: number;
  } | null;
}

/** One side of a compared criterion (null when the criterion did not apply then). */
export interface CompareSide {
  status: string;
  narrative: string | null;
  owner: string | null;
  naJustification: string | null;
  evidence: { title: string; version: number; sha256: string }[];
  procedures: { code: string; title: string; approvedVersion: number | null }[];
}

export interface CompareEnd {
  id: string;
  version: number | null;
  anniversaryOn: string | null;
  signedAt: string | null;
  takenOn: string;
}

export interface CompareResult {
  from: CompareEnd;
  to: CompareEnd;
  changed: number;
  rows: { criterionId: string; level: string; from: CompareSide | null; to: CompareSide | null; changed: boolean }[];
}

export interface TaskPatch {
  ownerUserId?: string | null;
  status?: "open" | "done";
  note?: string | null;
}

const BASE = "/security-profile/reviews";
const path = (id: string, rest = "") => `${BASE}/${encodeURIComponent(id)}${rest}`;

export const reviewKeys = {
  overview: ["reviews", "overview"] as const,
  one: (id: string) => ["reviews", "one", id] as const,
  compare: (from: string, to: string) => ["reviews", "compare", from, to] as const,
};

export function useReviewOverview() {
  return useQuery({
    queryKey: reviewKeys.overview,
    queryFn: ({ signal }) => api.get<ReviewOverview>(BASE, undefined, signal),
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: reviewKeys.one(id),
    queryFn: ({ signal }) => api.get<ReviewDetail>(path(id), undefined, signal),
  });
}

export function useCompare(from: string | null, to: string | null) {
  return useQuery({
    queryKey: reviewKeys.compare(from ?? "", to ?? ""),
    queryFn: ({ signal }) => api.get<CompareResult>(`${BASE}/compare`, { from: from ?? "", to: to ?? "" }, signal),
    enabled: !!from && !!to,
  });
}

function useReviewMutation<V>(fn: (v: V) => Promise<ReviewDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      qc.setQueryData(reviewKeys.one(r.id), r);
      void qc.invalidateQueries({ queryKey: reviewKeys.overview });
      void qc.invalidateQueries({ queryKey: ["notifications"] });
      void qc.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

export function useOpenReview() {
  return useReviewMutation(() => api.post<ReviewDetail>(BASE, {}));
}

/** The name of a member for an optimistic update, from the member list or the session when cached. */
function personFromCache(qc: QueryClient, id: string): Person {
  const members = qc.getQueryData<{ items: Member[] }>(["users"])?.items ?? [];
  const m = members.find((x) => x.id === id);
  const me = qc.getQueryData<Session | null>(SESSION_KEY)?.user;
  return { id, displayName: m?.displayName || (me?.id === id ? me.displayName : "") };
}

/** Change one task; the checkbox and owner show the change at once and roll back if the server refuses. */
export function useUpdateTask(id: string) {
  const qc = useQueryClient();
  const mutationKey = ["reviews", "task", id];
  // Several tasks can be saving at once: an earlier answer must not undo a later optimistic change,
  // so only the last answer to arrive is stored.
  const lastInFlight = () => qc.isMutating({ mutationKey }) <= 1;
  return useMutation({
    mutationKey,
    mutationFn: ({ categoryId, patch }: { categoryId: number; patch: TaskPatch }) =>
      api.patch<ReviewDetail>(path(id, `/tasks/${categoryId}`), patch),
    onMutate: async ({ categoryId, patch }) => {
      await qc.cancelQueries({ queryKey: reviewKeys.one(id) });
      const before = qc.getQueryData<ReviewDetail>(reviewKeys.one(id));
      if (before) {
        const tasks = before.tasks.map((task) =>
          task.categoryId !== categoryId
            ? task
            : {
                ...task,
                status: patch.status ?? task.status,
                note: patch.note === undefined ? task.note : patch.note,
                owner:
                  patch.ownerUserId === undefined ? task.owner : patch.ownerUserId === null ? null : personFromCache(qc, patch.ownerUserId),
              },
        );
        qc.setQueryData<ReviewDetail>(reviewKeys.one(id), { ...before, tasks });
      }
      return { before };
    },
    onError: (_e, _v, context) => {
      if (context?.before && lastInFlight()) qc.setQueryData(reviewKeys.one(id), context.before);
      else void qc.invalidateQueries({ queryKey: reviewKeys.one(id) });
    },
    onSuccess: (r) => {
      if (lastInFlight()) qc.setQueryData(reviewKeys.one(r.id), r);
      void qc.invalidateQueries({ queryKey: reviewKeys.overview });
      void qc.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

export function useSignReview(id: string) {
  return useReviewMutation((note: string | null) => api.post<ReviewDetail>(path(id, "/sign"), { note }));
}
