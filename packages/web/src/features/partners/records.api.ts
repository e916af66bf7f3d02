import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import {
  type CertificationInput,
  type PartnerCertification,
  type PartnerDetail,
  type PartnerQuestionnaire,
  type PartnerSite,
  type PartnerSiteInput,
  type ScreeningInput,
  type ScreeningRecord,
  usePartnerMutation,
} from "./api";

/** Hooks for the records kept on a partner: sites, certifications, screenings, tiers, waiver, questionnaires. */

const path = (id: string, rest = "") => `/partners/${encodeURIComponent(id)}${rest}`;

export function useAddPartnerSite(id: string) {
  return usePartnerMutation(id, (body: PartnerSiteInput) => api.post<PartnerSite>(path(id, "/sites"), body));
}

export function useUpdatePartnerSite(partnerId: string) {
  return usePartnerMutation(partnerId, ({ siteId, body }: { siteId: string; body: Partial<PartnerSiteInput> }) =>
    api.patch<PartnerSite>(`/partner-sites/${encodeURIComponent(siteId)}`, body),
  );
}

export function useArchivePartnerSite(partnerId: string) {
  return usePartnerMutation(partnerId, (siteId: string) => api.post<PartnerSite>(`/partner-sites/${encodeURIComponent(siteId)}/archive`));
}

export function useAddCertification(id: string) {
  return usePartnerMutation(id, (body: CertificationInput) => api.post<PartnerCertification>(path(id, "/certifications"), body));
}

export function useUpdateCertification(partnerId: string) {
  return usePartnerMutation(partnerId, ({ certificationId, body }: { certificationId: string; body: Partial<CertificationInput> }) =>
    api.patch<PartnerCertification>(`/partner-certifications/${encodeURIComponent(certificationId)}`, body),
  );
}

export function useAddScreening(id: string) {
  return usePartnerMutation(id, (body: ScreeningInput) => api.post<ScreeningRecord>(path(id, "/screenings"), body));
}

export function useLinkSupplier(id: string) {
  return usePartnerMutation(id, ({ supplierId, remove }: { supplierId: string; remove?: boolean }) =>
    api.post<unknown>(path(id, remove ? "/suppliers/remove" : "/suppliers"), { supplierId }),
  );
}

/** Link `id` as a supplier of `customerId` (the customers list is the other side of the same relation). */
export function useLinkCustomer(id: string) {
  return usePartnerMutation(id, ({ customerId, remove }: { customerId: string; remove?: boolean }) =>
    api.post<unknown>(`/partners/${encodeURIComponent(customerId)}${remove ? "/suppliers/remove" : "/suppliers"}`, { supplierId: id }),
  );
}

export function useWaiveQuestionnaire(id: string) {
  return usePartnerMutation(id, (body: { certificationId: string; reason: string }) =>
    api.post<PartnerDetail>(path(id, "/questionnaire-waiver"), body),
  );
}

/** The partner's questionnaires (GET /api/questionnaires?partnerId=), kept under the partner's own key. */
export function usePartnerQuestionnaires(partnerId: string) {
  return useQuery({
    queryKey: ["partners", "questionnaires", partnerId],
    queryFn: ({ signal }) => api.get<Page<PartnerQuestionnaire>>("/questionnaires", { partnerId, limit: 20, offset: 0 }, signal),
  });
}

/** POST /api/questionnaires: a draft questionnaire for the partner (its own screen then sends the invitation). */
export function useCreateQuestionnaire() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { partnerId: string; dueOn: string; lang: "en" | "es" }) => api.post<{ id: string }>("/questionnaires", body),
    onSuccess: (_r, body) => {
      void qc.invalidateQueries({ queryKey: ["questionnaires"] });
      void qc.invalidateQueries({ queryKey: ["partners", "questionnaires", body.partnerId] });
      void qc.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

/** Partner ids of a rule_violation cycle answer (`details.cycle`), or none. */
export function cycleOf(e: unknown): string[] {
  const d = (e as { details?: { cycle?: unknown } } | null)?.details;
  return Array.isArray(d?.cycle) ? d.cycle.filter((x): x is string => typeof x === "string") : [];
}
