import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { applyParamChanges, type ParamChanges } from "./searchParams";

/** Changing a filter leaves these behind: the page number and the `?new=1` that opened a dialog. */
const RESET_ON_FILTER = ["page", "new"];

/** What {@link useUrlFilters} gives a list page. */
export interface UrlFilters<K extends string> {
  /** The whole query string, for the parameters that are not filters (`?new=1`). */
  params: URLSearchParams;
  /** Each filter key's value in the URL; `q` is the committed (debounced) search text. */
  values: Record<K, string | null>;
  /** What the search box shows right now, ahead of the URL. */
  q: string;
  setQ: (q: string) => void;
  /** Write filters to the URL; this returns to page 1. */
  update: (changes: ParamChanges) => void;
  page: number;
  setPage: (page: number) => void;
  /** Whether any filter key is set: "no matches" rather than "nothing here yet". */
  filtered: boolean;
  /** Empty the search box and remove every filter key. */
  clear: () => void;
  /** Value and onChange for a select bound to one key. */
  bindSelect: (key: K) => { value: string | null; onChange: (value: string | null) => void };
  /** Checked and onChange for a switch bound to one key, stored as `key=1`. */
  bindSwitch: (key: K) => { checked: boolean; onChange: (checked: boolean) => void };
}

/**
 * List filters kept in the URL, so a filtered list can be bookmarked or shared, plus a search box whose text
 * reaches the URL (as `q`) once typing pauses. `keys` are the parameters that narrow the list; include "q" when
 * the page has a search box.
 */
export function useUrlFilters<K extends string>(keys: readonly K[], { debounceMs = 300 } = {}): UrlFilters<K> {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [debouncedQ] = useDebouncedValue(q, debounceMs);

  const update = (changes: ParamChanges) => setParams((prev) => applyParamChanges(prev, changes, RESET_ON_FILTER), { replace: true });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the debounced search text
  useEffect(() => {
    if ((params.get("q") ?? "") !== debouncedQ.trim()) update({ q: debouncedQ.trim() || null });
  }, [debouncedQ]);

  const values = Object.fromEntries(keys.map((k) => [k, params.get(k)])) as Record<K, string | null>;
  return {
    params,
    values,
    q,
    setQ,
    update,
    page: Math.max(1, Number(params.get("page")) || 1),
    setPage: (page) => update({ page: page > 1 ? String(page) : null }),
    filtered: keys.some((k) => !!values[k]),
    clear: () => {
      setQ("");
      update(Object.fromEntries(["q", ...keys].map((k) => [k, null])));
    },
    bindSelect: (key) => ({ value: values[key], onChange: (value) => update({ [key]: value }) }),
    bindSwitch: (key) => ({ checked: values[key] === "1", onChange: (checked) => update({ [key]: checked ? "1" : null }) }),
  };
}
