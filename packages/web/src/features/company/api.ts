import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { NewTenantInput, Tenant, TenantPatch } from "../../api/types";
import { SESSION_KEY } from "../auth/session";

export const TENANT_KEY = ["tenant"] as const;

export function useTenant() {
  return useQuery({
    queryKey: TENANT_KEY,
    queryFn: ({ signal }) => api.get<Tenant>("/tenant", undefined, signal),
  });
}

export function useUpdateTenant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: TenantPatch) => api.patch<Tenant>("/tenant", patch),
    onSuccess: (tenant, patch) => {
      qc.setQueryData(TENANT_KEY, tenant);
      void qc.invalidateQueries({ queryKey: ["audit"] });
      // The legal name appears in the session (tenant switcher).
      if (patch.legalName !== undefined) void qc.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

/** Create another company; the caller becomes its owner. Switching to it is up to the caller. */
export function useCreateTenant() {
  return useMutation({
    mutationFn: (body: NewTenantInput) => api.post<Tenant>("/tenants", body),
  });
}
