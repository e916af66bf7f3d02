import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Page, Site, SiteInput } from "../../api/types";

export interface SiteFilters {
  q?: string;
  kind?: string | null;
  countryCode?: string | null;
  includeArchived?: boolean;
  limit: number;
  offset: number;
}

export const sitesKeys = {
  all: ["sites"] as const,
  list: (f: SiteFilters) => ["sites", "list", f] as const,
  one: (id: string) => ["sites", "one", id] as const,
};

export function useSites(f: SiteFilters) {
  return useQuery({
    queryKey: sitesKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<Page<Site>>(
        "/sites",
        {
          q: f.q?.trim() || undefined,
          kind: f.kind ?? undefined,
          countryCode: f.countryCode ?? undefined,
          includeArchived: f.includeArchived ? "true" : "false",
          limit: f.limit,
          offset: f.offset,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSite(id: string) {
  return useQuery({
    queryKey: sitesKeys.one(id),
    queryFn: ({ signal }) => api.get<Site>(`/sites/${encodeURIComponent(id)}`, undefined, signal),
  });
}

function useSiteMutation<V>(fn: (v: V) => Promise<Site>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (site) => {
      qc.setQueryData(sitesKeys.one(site.id), site);
      void qc.invalidateQueries({ queryKey: ["sites", "list"] });
      void qc.invalidateQueries({ queryKey: ["audit"] });
      void qc.invalidateQueries({ queryKey: ["dashboard"] });
    },
  });
}

export function useCreateSite() {
  return useSiteMutation((body: SiteInput) => api.post<Site>("/sites", body));
}

export function useUpdateSite(id: string) {
  return useSiteMutation((body: Partial<SiteInput>) => api.patch<Site>(`/sites/${encodeURIComponent(id)}`, body));
}

export function useArchiveSite(id: string) {
  return useSiteMutation((archive: boolean) => api.post<Site>(`/sites/${encodeURIComponent(id)}/${archive ? "archive" : "restore"}`));
}
