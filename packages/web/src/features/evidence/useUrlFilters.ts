import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";

/**
 * List filters kept in the URL (so a filtered list can be bookmarked or shared) plus a debounced
 * search box. Changing any filter returns to page 1.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [debouncedQ] = useDebouncedValue(q, 300);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!("page" in changes)) next.delete("page");
        next.delete("new");
        return next;
      },
      { replace: true },
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the debounced search text
  useEffect(() => {
    if ((params.get("q") ?? "") !== debouncedQ.trim()) update({ q: debouncedQ.trim() || null });
  }, [debouncedQ]);

  const page = Math.max(1, Number(params.get("page")) || 1);
  const clear = (keys: string[]) => {
    setQ("");
    update(Object.fromEntries(["q", ...keys].map((k) => [k, null])));
  };
  return { params, q, setQ, update, page, clear };
}
