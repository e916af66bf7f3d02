import { useSearchParams } from "react-router";
import { applyParamChanges } from "./searchParams";

/**
 * The open tab of a detail page, kept in `?tab=` so a link can open a given tab. The first tab is the default
 * and leaves the URL clean; an unknown value falls back to it.
 */
export function useTabParam<T extends string>(tabs: readonly [T, ...T[]]): [T, (tab: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab = tabs.find((t) => t === requested) ?? tabs[0];
  const setTab = (next: string | null) =>
    setParams((prev) => applyParamChanges(prev, { tab: next === tabs[0] ? null : next }), { replace: true });
  return [tab, setTab];
}
