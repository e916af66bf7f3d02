/** Changes to a query string: a value sets its key, an empty value (null, undefined, "") removes it. */
export type ParamChanges = Record<string, string | null | undefined>;

/**
 * A copy of `prev` with `changes` applied. List filters also pass `resetKeys`: keys that stop making sense once
 * the filters change (the page number, the `?new=1` that opened a dialog), removed unless `changes` sets them.
 */
export function applyParamChanges(prev: URLSearchParams, changes: ParamChanges, resetKeys: readonly string[] = []): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const key of resetKeys) if (!(key in changes)) next.delete(key);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}
