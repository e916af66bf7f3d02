import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Page, Site } from "../../api/types";
import {
  chainKeys,
  type Location,
  type LocationKind,
  type PartnerOption,
  type PartnerSiteOption,
  type UncertifiedPartner,
  useUncertified,
} from "./api";

/** Look-ups behind the pickers and the lane list's certification column (kept apart from api.ts for size). */

export function useLocations(q: string, kind: LocationKind | null = null) {
  return useQuery({
    queryKey: ["locations", q, kind],
    queryFn: ({ signal }) => api.get<Page<Location>>("/locations", { q: q.trim() || undefined, kind, limit: 30 }, signal),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePartnerOptions(q: string) {
  return useQuery({
    queryKey: ["partners", "options", q],
    queryFn: ({ signal }) => api.get<Page<PartnerOption>>("/partners", { q: q.trim() || undefined, limit: 20, offset: 0 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePartnerSites(partnerId: string | null) {
  return useQuery({
    queryKey: ["partners", "sites", partnerId],
    queryFn: ({ signal }) =>
      api.get<Page<PartnerSiteOption>>(`/partners/${encodeURIComponent(partnerId ?? "")}/sites`, { limit: 200, offset: 0 }, signal),
    enabled: !!partnerId,
  });
}

export function useOwnSites(q: string) {
  return useQuery({
    queryKey: ["sites", "list", { q, limit: 50, offset: 0, picker: true }],
    queryFn: ({ signal }) => api.get<Page<Site>>("/sites", { q: q.trim() || undefined, limit: 50, offset: 0 }, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Uncertified partners per lane, for a page of lanes. One request covers every lane when the company-wide list
 * is complete (each partner names up to 20 of its lanes); lanes it may have cut off are asked for one by one.
 */
export function useLaneUncertified(laneIds: readonly string[]) {
  const all = useUncertified(null);
  const byLane = new Map<string, UncertifiedPartner[]>();
  const complete = !!all.data && all.data.total <= all.data.items.length && all.data.items.every((p) => p.laneCount <= p.lanes.length);
  for (const p of all.data?.items ?? []) {
    for (const l of p.lanes) byLane.set(l.id, [...(byLane.get(l.id) ?? []), p]);
  }
  const unsure = all.data && !complete ? laneIds.filter((id) => !byLane.has(id)) : [];
  const perLane = useQueries({
    queries: unsure.map((id) => ({
      queryKey: chainKeys.uncertified(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Page<UncertifiedPartner>>("/supply-chain/uncertified", { laneId: id, limit: 200, offset: 0 }, signal),
    })),
  });
  unsure.forEach((id, i) => {
    const items = perLane[i]?.data?.items;
    if (items?.length) byLane.set(id, items);
  });
  return { byLane, isPending: all.isPending };
}
