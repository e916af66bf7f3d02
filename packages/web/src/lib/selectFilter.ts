import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from "@mantine/core";
import { normalizeSearch } from "./countries";

function isItem(o: ComboboxParsedItem): o is ComboboxItem {
  return "value" in o;
}

/**
 * Accent- and case-insensitive filter that also matches the option value (e.g. "MX"). Ranks an
 * exact value match first, then labels starting with the search, then labels containing it, so
 * typing then pressing Enter picks the expected option.
 */
export const rankedFilter: OptionsFilter = ({ options, search, limit }) => {
  const q = normalizeSearch(search);
  if (!q) return options.slice(0, limit);
  const scored: { item: ComboboxItem; score: number; index: number }[] = [];
  options.forEach((o, index) => {
    if (!isItem(o)) return;
    const label = normalizeSearch(o.label);
    const value = normalizeSearch(o.value);
    let score = -1;
    if (value === q) score = 0;
    else if (label === q) score = 1;
    else if (label.startsWith(q)) score = 2;
    else if (label.split(/[\s(),-]+/).some((w) => w.startsWith(q))) score = 3;
    else if (label.includes(q) || value.startsWith(q)) score = 4;
    if (score >= 0) scored.push({ item: o, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.item);
};
