import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import type { LaneMode, NodeKind } from "./nodes";

/** Contract: docs/api/partners.md, "Supply chain — module lanes". Mirrors modules/lanes/lanes.schema.ts. */

export type LocationKind = "seaport" | "airport" | "border-crossing" | "inland";
export const LOCATION_KINDS: readonly LocationKind[] = ["seaport", "airport", "border-crossing", "inland"];

/** A packaged location (`port:<code>` node). `source` lists its sources separated by " | ". */
export interface Location {
  code: string;
  name: string;
  countryCode: string;
  kind: LocationKind;
  latitude: number | null;
  longitude: number | null;
  cbpPortCode: string | null;
  source: string;
  notes: string | null;
}

/** What a node key stands for, resolved by the server; `missing` when it no longer exists. */
export interface NodeInfo {
  id: string;
  kind: NodeKind;
  label: string;
  countryCode: string | null;
  latitude: number | null;
  longitude: number | null;
  /** The owning partner of a partner site. */
  partnerId: string | null;
  partnerName: string | null;
  /** Partner status and risk level of a partner site; null for own sites and ports. */
  status: string | null;
  risk: string | null;
  /** seaport, airport, border-crossing or inland, for a port node. */
  locationKind: string | null;
  archived: boolean;
  missing: boolean;
}

export interface AtRestPoint {
  node: string;
  description: string | null;
}

export interface LaneLeg {
  seq: number;
  from: string;
  to: string;
  mode: LaneMode;
  carrierPartnerId: string | null;
  carrier: { id: string; name: string } | null;
  atRest: AtRestPoint[];
}

export interface Lane {
  id: string;
  externalKey: string | null;
  name: string;
  description: string | null;
  origin: string | null;
  destination: string | null;
  modes: LaneMode[];
  legs: LaneLeg[];
  /** Every node the legs mention (stops and at-rest points), resolved for display. */
  nodes: NodeInfo[];
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LaneLegInput {
  from: string;
  to: string;
  mode: LaneMode;
  carrierPartnerId?: string | null;
  atRest?: { node: string; description?: string | null }[];
}

export interface LaneInput {
  name: string;
  externalKey?: string | null;
  description?: string | null;
  legs: LaneLegInput[];
}

/** A node on the world map: the same resolved facts as a lane's nodes. */
export type MapNode = NodeInfo;

export interface MapLeg {
  laneId: string;
  laneName: string;
  seq: number;
  from: string;
  to: string;
  mode: LaneMode;
  carrierPartnerId: string | null;
  /** The highest risk among the partners on the leg (site owners and carrier); null when none. */
  risk: string | null;
}

export interface SupplyChainMap {
  nodes: MapNode[];
  legs: MapLeg[];
}

export type Certified = "ctpat" | "mra" | "expired" | "none";

export interface GraphNode {
  id: string;
  kind: "company" | "partner";
  label: string;
  tier: number;
  partnerType: string | null;
  countryCode: string | null;
  status: string | null;
  risk: string | null;
  certified: Certified | null;
}

export interface SupplyChainGraph {
  nodes: GraphNode[];
  /** Goods flow from `from` to `to`: a supplier to its customer, a tier-1 partner to the company. */
  edges: { from: string; to: string }[];
  layout: Record<string, { x: number; y: number }>;
}

export interface PathHop {
  from: string;
  to: string;
  laneCount: number;
  modes: LaneMode[];
  lanes: { id: string; name: string; seq: number; mode: LaneMode; carrierPartnerId: string | null }[];
}

export interface PathsResult {
  from: string;
  to: string;
  /** Node keys from `from` to `to`, shortest first. */
  paths: string[][];
  total: number;
  /** True when the 1,000-path cap (or the search budget) stopped the search. */
  truncated: boolean;
  hops: PathHop[];
  nodes: NodeInfo[];
}

export interface UncertifiedPartner {
  id: string;
  name: string;
  type: string;
  countryCode: string;
  status: string;
  risk: string;
  /** "expired": had a CTPAT/MRA certification that is no longer active; "none": never had one. */
  certified: "expired" | "none";
  roles: ("site" | "at-rest" | "carrier")[];
  laneCount: number;
  /** Up to 20 of the partner's lanes. */
  lanes: { id: string; name: string }[];
}

/** The few partner fields the pickers need (GET /api/partners). */
export interface PartnerOption {
  id: string;
  name: string;
  countryCode: string;
  status: string;
  certified: string;
  type: string;
}

export interface PartnerSiteOption {
  id: string;
  name: string;
  kind: string;
  countryCode: string;
  latitude: number | null;
  longitude: number | null;
}

export interface LaneFilters {
  q?: string;
  partnerId?: string | null;
  countryCode?: string | null;
  node?: string | null;
  includeArchived?: boolean;
  limit: number;
  offset: number;
}

export const lanesKeys = {
  all: ["lanes"] as const,
  list: (f: LaneFilters) => ["lanes", "list", f] as const,
  one: (id: string) => ["lanes", "one", id] as const,
};

export const chainKeys = {
  all: ["supply-chain"] as const,
  map: ["supply-chain", "map"] as const,
  graph: ["supply-chain", "graph"] as const,
  paths: (from: string, to: string) => ["supply-chain", "paths", from, to] as const,
  uncertified: (laneId: string | null) => ["supply-chain", "uncertified", laneId] as const,
};

export function useLanes(f: LaneFilters) {
  return useQuery({
    queryKey: lanesKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<Page<Lane>>(
        "/lanes",
        {
          q: f.q?.trim() || undefined,
          partnerId: f.partnerId ?? undefined,
          countryCode: f.countryCode ?? undefined,
          node: f.node ?? undefined,
          includeArchived: f.includeArchived ? "true" : undefined,
          limit: f.limit,
          offset: f.offset,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useLane(id: string) {
  return useQuery({
    queryKey: lanesKeys.one(id),
    queryFn: ({ signal }) => api.get<Lane>(`/lanes/${encodeURIComponent(id)}`, undefined, signal),
  });
}

function useLaneMutation<V>(fn: (v: V) => Promise<Lane>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (lane) => {
      qc.setQueryData(lanesKeys.one(lane.id), lane);
      void qc.invalidateQueries({ queryKey: ["lanes", "list"] });
      void qc.invalidateQueries({ queryKey: chainKeys.all });
      void qc.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

export function useCreateLane() {
  return useLaneMutation((body: LaneInput) => api.post<Lane>("/lanes", body));
}

export function useUpdateLane(id: string) {
  return useLaneMutation((body: Partial<LaneInput>) => api.patch<Lane>(`/lanes/${encodeURIComponent(id)}`, body));
}

export function useArchiveLane(id: string) {
  return useLaneMutation(() => api.post<Lane>(`/lanes/${encodeURIComponent(id)}/archive`));
}

export function useSupplyChainMap() {
  return useQuery({
    queryKey: chainKeys.map,
    queryFn: ({ signal }) => api.get<SupplyChainMap>("/supply-chain/map", undefined, signal),
  });
}

export function useSupplyChainGraph(enabled = true) {
  return useQuery({
    queryKey: chainKeys.graph,
    queryFn: ({ signal }) => api.get<SupplyChainGraph>("/supply-chain/graph", undefined, signal),
    enabled,
  });
}

export function usePaths(from: string | null, to: string | null) {
  return useQuery({
    queryKey: chainKeys.paths(from ?? "", to ?? ""),
    queryFn: ({ signal }) => api.get<PathsResult>("/supply-chain/paths", { from, to }, signal),
    enabled: !!from && !!to,
  });
}

export function useUncertified(laneId: string | null, enabled = true) {
  return useQuery({
    queryKey: chainKeys.uncertified(laneId),
    queryFn: ({ signal }) => api.get<Page<UncertifiedPartner>>("/supply-chain/uncertified", { laneId, limit: 200, offset: 0 }, signal),
    enabled,
  });
}
