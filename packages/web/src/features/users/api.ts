import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Member, MemberInput, MemberPatch } from "../../api/types";

const KEY = ["users"] as const;

export function useMembers() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ items: Member[] }>("/users", undefined, signal),
  });
}

export function useAddMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MemberInput) => api.post<Member>("/users", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: MemberPatch }) => api.patch<Member>(`/users/${encodeURIComponent(id)}`, patch),
    onSuccess: (m) => {
      qc.setQueryData<{ items: Member[] }>(KEY, (old) => (old ? { items: old.items.map((x) => (x.id === m.id ? m : x)) } : old));
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
}
