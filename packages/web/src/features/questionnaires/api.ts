import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import type { Language } from "../../i18n";
import type { RequirementLevel } from "../criteria/api";
import type { Person } from "../evidence/api";

/** Mirrors modules/questionnaires/questionnaires.schema.ts (QUESTIONNAIRE_STATUSES). */
export const QUESTIONNAIRE_STATUSES = ["draft", "sent", "in_progress", "submitted", "changes_requested", "accepted", "cancelled"] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];

/** A partner's answer to one criterion. */
export const ANSWERS = ["yes", "partial", "no", "not_applicable"] as const;
export type Answer = (typeof ANSWERS)[number];

export type ReviewState = "accepted" | "change_requested";

/** Invitation links live 1 to 60 days (14 by default). */
export const INVITATION_DAYS = { min: 1, max: 60, default: 14 } as const;

/** A questionnaire in lists. */
export interface QuestionnaireSummary {
  id: string;
  partner: { id: string; name: string; type: string };
  entityType: string;
  status: QuestionnaireStatus;
  lang: Language;
  dueOn: string | null;
  round: number;
  score: number | null;
  progress: { answered: number; total: number };
  createdBy: Person | null;
  createdAt: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  updatedAt: string;
}

/** A file the partner attached to an answer (stored in the company's evidence vault). */
export interface ItemEvidence {
  id: string;
  title: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
}

/** What an item shows of its criterion, worded in the questionnaire's language. */
export interface CriterionWording {
  criterionId: string;
  /** CBP category number 1–12 (0 for a criterion the library no longer knows). */
  categoryId: number;
  level: RequirementLevel;
  levelLabel: string;
  requirement: string;
  guidance: string;
}

/** One item as reviewers see it: one row of one round. */
export interface ReviewerItem extends CriterionWording {
  round: number;
  answer: Answer | null;
  comment: string | null;
  evidence: ItemEvidence[];
  review: ReviewState | null;
  reviewComment: string | null;
  reviewedBy: Person | null;
  reviewedAt: string | null;
  updatedAt: string;
}

export type InvitationState = "open" | "used" | "expired" | "revoked";

/** An invitation link as reviewers see it (never the token). */
export interface Invitation {
  id: string;
  email: string | null;
  state: InvitationState;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/** GET /questionnaires/:id: the latest state of every criterion, the earlier rounds, the links. */
export interface QuestionnaireDetail extends QuestionnaireSummary {
  items: ReviewerItem[];
  rounds: { round: number; items: ReviewerItem[] }[];
  invitations: Invitation[];
}

/** POST /questionnaires/:id/invitations: the link (a path, "/q/<token>"), shown this once. */
export interface InvitationCreated {
  id: string;
  url: string;
  email: string | null;
  expiresAt: string;
}

export interface CreateQuestionnaireInput {
  partnerId: string;
  dueOn: string;
  lang: Language;
}

export interface ReviewDecision {
  criterionId: string;
  decision: "accept" | "change";
  comment?: string | null;
}

/** The few partner fields the questionnaire screens need (GET /partners answers more). */
export interface PartnerOption {
  id: string;
  name: string;
  type: string;
  countryCode: string;
  status: string;
  archivedAt: string | null;
}

export interface QuestionnaireFilters {
  partnerId?: string | null;
  status?: string | null;
  limit: number;
  offset: number;
}

export const questionnaireKeys = {
  all: ["questionnaires"] as const,
  list: (f: QuestionnaireFilters) => ["questionnaires", "list", f] as const,
  one: (id: string) => ["questionnaires", "one", id] as const,
  partners: (q: string) => ["questionnaires", "partner-options", q] as const,
  partner: (id: string) => ["questionnaires", "partner-option", id] as const,
};

const path = (id: string, rest = "") => `/questionnaires/${encodeURIComponent(id)}${rest}`;

export function useQuestionnaires(f: QuestionnaireFilters) {
  return useQuery({
    queryKey: questionnaireKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<Page<QuestionnaireSummary>>(
        "/questionnaires",
        { partnerId: f.partnerId ?? undefined, status: f.status ?? undefined, limit: f.limit, offset: f.offset },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useQuestionnaire(id: string) {
  return useQuery({
    queryKey: questionnaireKeys.one(id),
    queryFn: ({ signal }) => api.get<QuestionnaireDetail>(path(id), undefined, signal),
  });
}

/** Partners matching a search, for the "new questionnaire" picker and the list filter. */
export function usePartnerOptions(q: string) {
  return useQuery({
    queryKey: questionnaireKeys.partners(q),
    queryFn: ({ signal }) => api.get<Page<PartnerOption>>("/partners", { q: q.trim() || undefined, limit: 50 }, signal),
    placeholderData: keepPreviousData,
  });
}

/** One partner by id (the name of a ?partnerId= filter that is not among the search results). */
export function usePartnerOption(id: string | null) {
  return useQuery({
    queryKey: questionnaireKeys.partner(id ?? ""),
    queryFn: ({ signal }) => api.get<PartnerOption>(`/partners/${encodeURIComponent(id ?? "")}`, undefined, signal),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

/** A questionnaire changed: store the fresh detail and refresh what shows it elsewhere. */
function refresh(qc: QueryClient, detail?: QuestionnaireDetail) {
  if (detail) qc.setQueryData(questionnaireKeys.one(detail.id), detail);
  void qc.invalidateQueries({ queryKey: ["questionnaires", "list"] });
  // The partner's vulnerability score follows an accepted questionnaire.
  void qc.invalidateQueries({ queryKey: ["partners"] });
  void qc.invalidateQueries({ queryKey: ["audit"] });
}

export function useCreateQuestionnaire() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateQuestionnaireInput) => api.post<QuestionnaireDetail>("/questionnaires", body),
    onSuccess: (d) => refresh(qc, d),
  });
}

export function useReviewQuestionnaire(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: ReviewDecision[]) => api.post<QuestionnaireDetail>(path(id, "/review"), { items }),
    onSuccess: (d) => refresh(qc, d),
  });
}

export function useCreateInvitation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email?: string | null; expiresInDays: number }) => api.post<InvitationCreated>(path(id, "/invitations"), body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: questionnaireKeys.one(id) });
      refresh(qc);
    },
  });
}

export function useRevokeInvitations(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ revokedInvitations: number; revokedSessions: number }>(path(id, "/invitations/revoke")),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: questionnaireKeys.one(id) });
      refresh(qc);
    },
  });
}

/** Items grouped by CBP category (1–12, unknown last), keeping the order they came in. */
export function groupByCategory<T extends { categoryId: number }>(items: readonly T[]): { categoryId: number; items: T[] }[] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(item.categoryId);
    if (list) list.push(item);
    else groups.set(item.categoryId, [item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === 0 ? 99 : a) - (b === 0 ? 99 : b))
    .map(([categoryId, list]) => ({ categoryId, items: list }));
}

/** The full link to give the partner: the API answers a path. */
export function absoluteLink(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `${window.location.origin}${url.startsWith("/") ? "" : "/"}${url}`;
}
