import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { uploadMultipart } from "../evidence/upload";
import type { Person } from "./api";

/** Types and hooks of the denied-party screening module (docs/api/partners.md, "Denied-party screening"). */

export const LIST_SOURCES = ["csl", "sdn-csv", "sdn-xml"] as const;
export type ListSource = (typeof LIST_SOURCES)[number];

export const MATCH_STATUSES = ["open", "false-positive", "confirmed"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export type MatchDecision = Exclude<MatchStatus, "open">;

export interface ScreeningList {
  id: string;
  name: string;
  source: ListSource;
  format: "csv" | "xml";
  filename: string | null;
  sha256: string;
  entryCount: number;
  importedBy: Person | null;
  importedAt: string;
}

export interface ScreeningMatch {
  id: string;
  score: number;
  /** The entry's primary name or an alias, plus "address" when the address agreed too. */
  matchedOn: ("name" | "alias" | "address")[];
  status: MatchStatus;
  note: string | null;
  decidedBy: Person | null;
  decidedAt: string | null;
  createdAt: string;
  partner: { id: string; name: string; status: string; countryCode: string };
  entry: {
    id: string;
    externalId: string | null;
    name: string;
    altNames: string[];
    programs: string[];
    countryCodes: string[];
    addresses: string[];
    remarks: string | null;
    list: { id: string; name: string; source: string };
  };
}

export interface ScreeningRun {
  screened: number;
  matches: ScreeningMatch[];
}

export interface ListImportResult extends ScreeningRun {
  list: ScreeningList;
}

export interface MatchFilters {
  status?: MatchStatus | null;
  partnerId?: string | null;
  limit: number;
  offset: number;
}

export const screeningKeys = {
  lists: ["screening", "lists"] as const,
  matches: (f: MatchFilters) => ["screening", "matches", f] as const,
};

/** Refresh everything a screening can change: lists, matches, partners (a confirmed match suspends), the dashboard. */
function useInvalidateScreening() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ["screening"] });
    void qc.invalidateQueries({ queryKey: ["partners"] });
    void qc.invalidateQueries({ queryKey: ["dashboard"] });
    void qc.invalidateQueries({ queryKey: ["audit"] });
  };
}

export function useScreeningLists() {
  return useQuery({
    queryKey: screeningKeys.lists,
    queryFn: ({ signal }) => api.get<Page<ScreeningList>>("/screening/lists", { limit: 100, offset: 0 }, signal),
  });
}

export function useScreeningMatches(f: MatchFilters) {
  return useQuery({
    queryKey: screeningKeys.matches(f),
    queryFn: ({ signal }) =>
      api.get<Page<ScreeningMatch>>(
        "/screening/matches",
        { status: f.status, partnerId: f.partnerId, limit: f.limit, offset: f.offset },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useRunScreening() {
  const invalidate = useInvalidateScreening();
  return useMutation({
    mutationFn: (partnerId?: string) => api.post<ScreeningRun>("/screening/run", partnerId ? { partnerId } : {}),
    onSuccess: invalidate,
  });
}

export function useDecideMatch() {
  const invalidate = useInvalidateScreening();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: MatchDecision; note: string }) =>
      api.post<ScreeningMatch>(`/screening/matches/${encodeURIComponent(id)}/decision`, { decision, note }),
    onSuccess: invalidate,
  });
}

/** Upload an official list file with progress (0–100, null when idle) and a cancel; the server rescreens after it. */
export function useListUpload() {
  const invalidate = useInvalidateScreening();
  const [progress, setProgress] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: (vars: { file: File; name: string; source: ListSource }) => {
      controller.current = new AbortController();
      setProgress(0);
      return uploadMultipart<ListImportResult>({
        path: "/screening/lists",
        fields: { name: vars.name, source: vars.source },
        file: vars.file,
        onProgress: setProgress,
        signal: controller.current.signal,
      });
    },
    onSuccess: invalidate,
    onSettled: () => {
      controller.current = null;
      setProgress(null);
    },
  });
  const cancel = () => controller.current?.abort();
  return { ...mutation, progress, cancel };
}
