import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, apiUrl } from "../../api/client";
import type { RequirementLevel } from "../criteria/api";
import type { PersonRef, ProfileStatus } from "../profile/api";

/** How a control relates to an MSC criterion. */
export const RELATIONS = ["equal", "subset", "superset", "related"] as const;
export type Relation = (typeof RELATIONS)[number];

export interface FrameworkMapping {
  criterionId: string;
  relation: Relation;
}

export interface FrameworkSummary {
  id: string;
  name: string;
  version: string;
  description: string | null;
  sourceFilename: string | null;
  controlCount: number;
  mappingCount: number;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  createdBy: PersonRef | null;
}

export interface FrameworkControl {
  ref: string;
  title: string;
  description: string | null;
  /** The company's own assessment of the control (`not_assessed` until set). */
  status: ProfileStatus;
  position: number;
  mappings: FrameworkMapping[];
}

export interface FrameworkDetail extends FrameworkSummary {
  controls: FrameworkControl[];
}

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/** Dry-run answer: counts of what a commit would save and the first controls as read. */
export interface ImportPreview {
  name: string;
  version: string;
  description: string | null;
  format: "csv" | "xlsx" | "yaml";
  controls: number;
  mappings: number;
  errors: ImportProblem[];
  sample: { row: number; ref: string; title: string; description: string | null; mappings: FrameworkMapping[] }[];
}

export type CoverageCounts = Record<ProfileStatus, number> & { total: number };

export interface CoverageResponse {
  framework: { id: string; name: string; version: string };
  controls: {
    ref: string;
    title: string;
    status: ProfileStatus;
    /** What the mapped MSC items suggest. */
    derivedStatus: ProfileStatus;
    mappings: (FrameworkMapping & { level: RequirementLevel | null; profileStatus: ProfileStatus | null })[];
  }[];
  criteria: {
    criterionId: string;
    categoryId: number;
    focusAreaId: string;
    level: RequirementLevel;
    profileStatus: ProfileStatus;
    /** What the mapped controls suggest. */
    derivedStatus: ProfileStatus;
    controls: { ref: string; relation: Relation; status: ProfileStatus }[];
  }[];
  summary: { controls: CoverageCounts & { unmapped: number }; criteria: CoverageCounts & { uncovered: number } };
}

export const frameworkKeys = {
  all: ["frameworks"] as const,
  list: ["frameworks", "list"] as const,
  one: (id: string) => ["frameworks", "one", id] as const,
  coverage: (id: string) => ["frameworks", "coverage", id] as const,
};

const path = (id: string) => `/frameworks/${encodeURIComponent(id)}`;

export function useFrameworks(includeArchived: boolean) {
  return useQuery({
    queryKey: [...frameworkKeys.list, includeArchived],
    queryFn: ({ signal }) =>
      api.get<{ items: FrameworkSummary[]; total: number }>(
        "/frameworks",
        { includeArchived: includeArchived ? "true" : "false", limit: 100 },
        signal,
      ),
  });
}

export function useFramework(id: string) {
  return useQuery({ queryKey: frameworkKeys.one(id), queryFn: ({ signal }) => api.get<FrameworkDetail>(path(id), undefined, signal) });
}

export function useCoverage(id: string, enabled: boolean) {
  return useQuery({
    queryKey: frameworkKeys.coverage(id),
    queryFn: ({ signal }) => api.get<CoverageResponse>(`${path(id)}/coverage`, undefined, signal),
    enabled,
  });
}

export function useSetControlStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ref: string; status: ProfileStatus }) => api.patch<FrameworkControl>(`${path(id)}/controls`, body),
    onSuccess: (control) => {
      qc.setQueryData<FrameworkDetail>(frameworkKeys.one(id), (old) =>
        old ? { ...old, controls: old.controls.map((c) => (c.ref === control.ref ? control : c)) } : old,
      );
      void qc.invalidateQueries({ queryKey: frameworkKeys.coverage(id) });
      void qc.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

export function useArchiveFramework(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<FrameworkSummary>(`${path(id)}/archive`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: frameworkKeys.all });
      void qc.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

export interface ImportInput {
  file: File;
  name: string;
  version: string;
  dryRun: boolean;
  csrfToken: string | null;
}

/** POST /api/frameworks/import (multipart): a dry run answers the preview, a commit the new framework. */
export async function importFramework(input: ImportInput): Promise<ImportPreview | FrameworkSummary> {
  const form = new FormData();
  if (input.name.trim()) form.append("name", input.name.trim());
  if (input.version.trim()) form.append("version", input.version.trim());
  form.append("dryRun", input.dryRun ? "true" : "false");
  form.append("file", input.file, input.file.name);
  const headers: Record<string, string> = { accept: "application/json" };
  if (input.csrfToken) headers["x-csrf-token"] = input.csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl("/frameworks/import"), { method: "POST", body: form, headers, credentials: "include" });
  } catch (e) {
    throw new ApiError(0, "network_error", e instanceof Error ? e.message : String(e), null, null);
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      body?.error?.code ?? `http_${res.status}`,
      body?.error?.message ?? res.statusText,
      body?.error?.details ?? null,
      null,
    );
  }
  return body as unknown as ImportPreview | FrameworkSummary;
}

/** Row problems of a refused import (`details.errors`), or none. */
export function importProblems(e: unknown): ImportProblem[] {
  if (!(e instanceof ApiError)) return [];
  const d = e.details as { errors?: unknown } | null;
  return Array.isArray(d?.errors) ? (d.errors as ImportProblem[]) : [];
}
