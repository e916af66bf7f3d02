/**
 * The partner portal's calls. A partner has no account: an invitation link is exchanged for a partner session
 * (an HttpOnly cookie, path /api/partner, plus a CSRF token of its own). This module only ever calls
 * /api/partner-access/* and /api/partner/*, and sends the partner's CSRF header, never the app user's.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isApiError, request } from "../../api/client";
import type { Language } from "../../i18n";
import { uploadMultipart } from "../evidence/upload";
import type { Answer, CriterionWording, ItemEvidence, QuestionnaireStatus } from "../questionnaires/api";

/** GET /partner-access/:token: what the landing page shows before the link is spent. */
export interface Landing {
  company: string;
  partner: string;
  status: QuestionnaireStatus;
  lang: Language;
  dueOn: string | null;
  expiresAt: string;
}

/** One question as the partner sees it. */
export interface PartnerItem extends CriterionWording {
  answer: Answer | null;
  comment: string | null;
  evidence: ItemEvidence[];
  /** The partner may still change it: an open questionnaire and, after round 1, an item the reviewer sent back. */
  editable: boolean;
  /** What the reviewer asked to change, when the item was sent back. */
  changeRequest: string | null;
}

/** GET /partner/questionnaire. */
export interface PartnerQuestionnaire {
  company: string;
  partner: string;
  status: QuestionnaireStatus;
  lang: Language;
  dueOn: string | null;
  round: number;
  progress: { answered: number; total: number };
  canSubmit: boolean;
  csrfToken: string;
  sessionExpiresAt: string;
  items: PartnerItem[];
}

export const portalKeys = {
  landing: (token: string) => ["partner-portal", "landing", token] as const,
  questionnaire: ["partner-portal", "questionnaire"] as const,
};

// The partner session's CSRF token lives in memory only; GET /partner/questionnaire hands it out again after a reload.
let partnerCsrf: string | null = null;

const SPENT_KEY = "portcullis.partner.link";

/** Remember (for this tab) that this link was exchanged: a spent link is worthless, and a reload then skips the landing. */
export function rememberSpent(token: string): void {
  try {
    sessionStorage.setItem(SPENT_KEY, token);
  } catch {
    // Private mode: the reload just asks the landing first.
  }
}

/** Whether this tab already exchanged the link (so a partner session should exist). */
export function wasSpentHere(token: string): boolean {
  try {
    return sessionStorage.getItem(SPENT_KEY) === token;
  } catch {
    return false;
  }
}

/** The partner session's writes carry its own CSRF header (the server ignores the app user's there). */
const PARTNER_CSRF_HEADER = "x-partner-csrf-token";
const partnerHeader = () => ({ header: PARTNER_CSRF_HEADER, token: partnerCsrf });

const call = <T>(method: string, path: string, body?: unknown) => request<T>(method, path, { body, csrf: partnerHeader() });

/** The landing: does not spend the link (mail scanners open links too). */
export function useLanding(token: string, enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.landing(token),
    queryFn: () => call<Landing>("GET", `/partner-access/${encodeURIComponent(token)}`),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Spend the link: the server sets the partner cookie and answers the session's CSRF token. */
export function useExchange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => call<{ csrfToken: string; expiresAt: string }>("POST", "/partner-access/exchange", { token }),
    onSuccess: (r, token) => {
      partnerCsrf = r.csrfToken;
      rememberSpent(token);
      void qc.invalidateQueries({ queryKey: portalKeys.questionnaire });
    },
  });
}

/** The session's questionnaire (401 without a partner session). */
export function usePartnerQuestionnaire(enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.questionnaire,
    queryFn: async () => {
      const q = await call<PartnerQuestionnaire>("GET", "/partner/questionnaire");
      partnerCsrf = q.csrfToken;
      return q;
    },
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Put a saved item back into the cached questionnaire (the answer, comment and files the server now holds). */
export function storeItem(qc: QueryClient, item: PartnerItem): void {
  qc.setQueryData<PartnerQuestionnaire>(portalKeys.questionnaire, (old) =>
    old ? { ...old, items: old.items.map((i) => (i.criterionId === item.criterionId ? item : i)) } : old,
  );
}

/** Save a draft answer (null clears it); the comment is sent whole each time. */
export function saveAnswer(criterionId: string, body: { answer: Answer | null; comment: string | null }): Promise<PartnerItem> {
  return call<PartnerItem>("PUT", `/partner/questionnaire/answers/${encodeURIComponent(criterionId)}`, body);
}

/** Attach a file to an answer (stored in the company's evidence vault), reporting 0–100 progress. */
export function uploadPartnerEvidence(o: {
  criterionId: string;
  file: File;
  onProgress: (percent: number) => void;
  signal: AbortSignal;
}): Promise<PartnerItem> {
  return uploadMultipart<PartnerItem>({
    path: "/partner/questionnaire/evidence",
    fields: { criterionId: o.criterionId },
    file: o.file,
    onProgress: o.onProgress,
    signal: o.signal,
    csrf: partnerHeader(),
  });
}

/** Hand the answers over for review. */
export function useSubmitAnswers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call<{ status: QuestionnaireStatus; submittedAt: string }>("POST", "/partner/questionnaire/submit"),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.questionnaire }),
  });
}

/**
 * A link that is unknown, expired, used or revoked answers 404 (all alike, on purpose); a missing or ended
 * partner session answers 401. Both mean "ask for a new link".
 */
export function isDeadLink(e: unknown): boolean {
  return isApiError(e) && (e.status === 404 || e.status === 401 || e.status === 410);
}
