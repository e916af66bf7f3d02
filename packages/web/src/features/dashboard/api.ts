import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Page, Site } from "../../api/types";
import { verifyChain } from "../audit/api";

/** Number of active (not archived) sites. */
export function useActiveSiteCount() {
  return useQuery({
    queryKey: ["dashboard", "sites-count"],
    queryFn: ({ signal }) => api.get<Page<Site>>("/sites", { includeArchived: "false", limit: 1, offset: 0 }, signal).then((p) => p.total),
  });
}

export function useChainStatus() {
  return useQuery({ queryKey: ["dashboard", "verify"], queryFn: verifyChain, staleTime: 60_000 });
}
