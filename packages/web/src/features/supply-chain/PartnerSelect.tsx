import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { usePartnerOptions } from "./lookup-api";

type Props = Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange"> & {
  value: string | null;
  onChange: (id: string | null, name: string | null) => void;
  /** The chosen partner's name when the caller already knows it (saves a request). */
  knownName?: string | null;
  "data-testid"?: string;
};

/**
 * A partner picker that searches the registry on the server (GET /api/partners?q=) as you type, so it
 * works with thousands of partners. Remembers the names it has seen, so the chosen one keeps its label.
 */
export function PartnerSelect({ value, onChange, knownName, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const names = useRef(new Map<string, string>());
  if (value && knownName) names.current.set(value, knownName);
  // After a pick the input shows the chosen name; that is not a search (it would hide every other partner).
  const searching = debounced.trim() !== "" && !(value && debounced === names.current.get(value));
  const results = usePartnerOptions(searching ? debounced : "");
  // A value restored from the URL: fetch its name once.
  const one = useQuery({
    queryKey: ["partners", "name", value],
    queryFn: ({ signal }) => api.get<{ id: string; name: string }>(`/partners/${encodeURIComponent(value ?? "")}`, undefined, signal),
    enabled: !!value && !names.current.has(value),
    staleTime: 60_000,
  });
  if (value && one.data?.id === value) names.current.set(value, one.data.name);
  for (const p of results.data?.items ?? []) names.current.set(p.id, p.name);

  // The chosen partner stays among the options (the select needs it to show its name): first when browsing,
  // last while searching, so that typing then Enter picks the best match.
  const name = value ? names.current.get(value) : undefined;
  const data = useMemo(() => {
    const list = (results.data?.items ?? []).filter((p) => p.id !== value).map((p) => ({ value: p.id, label: p.name }));
    const own = value && name ? [{ value, label: name }] : [];
    return searching ? [...list, ...own] : [...own, ...list];
  }, [results.data, value, name, searching]);

  return (
    <Select
      searchable
      clearable
      allowDeselect={false}
      selectFirstOptionOnChange
      data={data}
      value={value}
      // The server already filtered by the search text; do not filter a second time on labels.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id, id ? (names.current.get(id) ?? null) : null)}
      nothingFoundMessage={results.isFetching ? t("common.loading") : t("common.nothingFound")}
      {...rest}
    />
  );
}
