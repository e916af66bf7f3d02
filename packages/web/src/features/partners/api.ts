import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import type { SiteKind } from "../../lib/constants";
import type { Certainty } from "../criteria/api";
import type {
  CertificationStatus,
  Certified,
  IdentifierKind,
  PartnerStatus,
  PartnerType,
  RiskLevel,
  ScreeningKind,
  ScreeningResult,
} from "./domain";

/** A user shown next to a record. */
export interface Person {
  id: string;
  displayName: string;
}

/** A registry row (GET /api/partners). */
export interface Partner {
  id: string;
  externalKey: string | null;
  name: string;
  legalName: string | null;
  type: PartnerType;
  countryCode: string;
  address: string | null;
  website: string | null;
  status: PartnerStatus;
  riskLevel: RiskLevel;
  vulnerabilityScore: number | null;
  rescreenDueOn: string | null;
  rescreenOverdue: boolean;
  certified: Certified;
  questionnaireWaived: boolean;
  notes: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PartnerIdentifier {
  kind: IdentifierKind;
  value: string;
  /** A format we are not sure of did not fit: kept, shown to the user. */
  warning: string | null;
}

export interface PartnerContact {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
}

export interface PartnerSite {
  id: string;
  partnerId: string;
  externalKey: string | null;
  name: string;
  kind: SiteKind;
  countryCode: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PartnerCertification {
  id: string;
  partnerId: string;
  /** "ctpat" or an MRA program id. */
  program: string;
  /** "CTPAT" or the foreign program's name. */
  programName: string;
  scheme: "ctpat" | "mra";
  certificateId: string | null;
  status: CertificationStatus;
  validFrom: string | null;
  validTo: string | null;
  lastVerifiedOn: string | null;
  nextVerificationOn: string | null;
  evidenceId: string | null;
  /** Status active and today within validFrom–validTo. */
  active: boolean;
  /** validTo has passed (or the status says expired): an alert. */
  expired: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ScreeningRecord {
  id: string;
  partnerId: string;
  kind: ScreeningKind;
  result: ScreeningResult;
  indicators: string[];
  notes: string | null;
  performedOn: string;
  performedBy: Person | null;
  createdAt: string;
}

export interface StatusChange {
  from: PartnerStatus | null;
  to: PartnerStatus;
  reason: string | null;
  by: Person | null;
  at: string;
}

export interface PartnerRef {
  id: string;
  name: string;
  type: PartnerType;
  countryCode: string;
  status: PartnerStatus;
  archived: boolean;
}

/** GET /api/partners/:id */
export interface PartnerDetail extends Partner {
  sites: PartnerSite[];
  contacts: PartnerContact[];
  identifiers: PartnerIdentifier[];
  certifications: PartnerCertification[];
  screenings: ScreeningRecord[];
  statusHistory: StatusChange[];
  suppliers: PartnerRef[];
  customers: PartnerRef[];
  lanes: { id: string; name: string }[];
  /** The recorded waiver; it holds only while an active CTPAT/MRA certification does (see `questionnaireWaived`). */
  questionnaireWaiver: { waivedAt: string; reason: string | null } | null;
}

export interface PartnerInput {
  name: string;
  type: PartnerType;
  countryCode: string;
  legalName?: string | null;
  externalKey?: string | null;
  address?: string | null;
  website?: string | null;
  riskLevel?: RiskLevel;
  notes?: string | null;
  identifiers?: { kind: IdentifierKind; value: string }[];
  contacts?: { name: string; email?: string | null; phone?: string | null; role?: string | null }[];
}

export interface PartnerSiteInput {
  name: string;
  kind: SiteKind;
  countryCode: string;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  externalKey?: string | null;
}

export interface CertificationInput {
  program: string;
  certificateId?: string | null;
  status?: CertificationStatus;
  validFrom?: string | null;
  validTo?: string | null;
  lastVerifiedOn?: string | null;
  evidenceId?: string | null;
}

export interface ScreeningInput {
  kind: ScreeningKind;
  result: ScreeningResult;
  indicators: string[];
  notes?: string | null;
  performedOn: string;
}

/** An MRA program with its provenance (GET /api/mra-programs). */
export interface MraProgram {
  id: string;
  countryCode: string;
  partner: { en: string; es: string };
  program: string;
  signed: string;
  certainty: Certainty;
  disputed: string | null;
  sources: string[];
}

export interface PartnerFilters {
  q?: string;
  type?: string | null;
  status?: string | null;
  countryCode?: string | null;
  risk?: string | null;
  certified?: string | null;
  rescreenDue?: boolean;
  limit: number;
  offset: number;
}

export const partnersKeys = {
  all: ["partners"] as const,
  list: (f: PartnerFilters) => ["partners", "list", f] as const,
  one: (id: string) => ["partners", "one", id] as const,
  mra: ["partners", "mra-programs"] as const,
};

/** Refresh what a partner change can touch: the registry, the record, the dashboard card, the audit log. */
export function invalidatePartners(qc: QueryClient, id?: string): void {
  void qc.invalidateQueries({ queryKey: ["partners"] });
  if (id) void qc.invalidateQueries({ queryKey: partnersKeys.one(id) });
  void qc.invalidateQueries({ queryKey: ["audit"] });
  void qc.invalidateQueries({ queryKey: ["dashboard"] });
}

export function usePartners(f: PartnerFilters) {
  return useQuery({
    queryKey: partnersKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<Page<Partner>>(
        "/partners",
        {
          q: f.q?.trim() || undefined,
          type: f.type,
          status: f.status,
          countryCode: f.countryCode,
          risk: f.risk,
          certified: f.certified,
          rescreenDue: f.rescreenDue ? "true" : undefined,
          limit: f.limit,
          offset: f.offset,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePartner(id: string) {
  return useQuery({
    queryKey: partnersKeys.one(id),
    queryFn: ({ signal }) => api.get<PartnerDetail>(`/partners/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** The MRA registry; it only changes with a release, so it is cached for the session. */
export function useMraPrograms() {
  return useQuery({
    queryKey: partnersKeys.mra,
    queryFn: ({ signal }) => api.get<{ items: MraProgram[] }>("/mra-programs", undefined, signal).then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const path = (id: string, rest = "") => `/partners/${encodeURIComponent(id)}${rest}`;

/** A mutation that refreshes the partner it touched (and the lists) when it succeeds; exported for records.api.ts. */
export function usePartnerMutation<V, R>(partnerId: string | undefined, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      const id = partnerId ?? (r as { id?: string } | undefined)?.id;
      // Most writes answer with the whole partner: show it at once instead of waiting for the refetch.
      if (id && r && typeof r === "object" && "statusHistory" in r) qc.setQueryData(partnersKeys.one(id), r);
      invalidatePartners(qc, id);
    },
  });
}

export function useCreatePartner() {
  return usePartnerMutation(undefined, (body: PartnerInput) => api.post<PartnerDetail>("/partners", body));
}

export function useUpdatePartner(id: string) {
  return usePartnerMutation(id, (body: Partial<PartnerInput>) => api.patch<PartnerDetail>(path(id), body));
}

export function useMovePartner(id: string) {
  return usePartnerMutation(id, (body: { to: PartnerStatus; reason: string }) => api.post<PartnerDetail>(path(id, "/status"), body));
}

export function useArchivePartner(id: string) {
  return usePartnerMutation(id, () => api.post<PartnerDetail>(path(id, "/archive")));
}

/** A questionnaire as the partner page lists it (a subset of the questionnaires module's summary). */
export interface PartnerQuestionnaire {
  id: string;
  status: "draft" | "sent" | "in_progress" | "submitted" | "changes_requested" | "accepted" | "cancelled";
  lang: "en" | "es";
  dueOn: string | null;
  round: number;
  score: number | null;
  progress: { answered: number; total: number };
  createdAt: string;
}
