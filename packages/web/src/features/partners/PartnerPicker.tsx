import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SearchSelect } from "../../components/SearchSelect";
import { usePartners } from "./api";

interface Props {
  label: string;
  value: string | null;
  onChange: (id: string | null, name: string | null) => void;
  /** Partners that may not be picked (the partner itself, those already linked). */
  exclude: ReadonlySet<string>;
  "data-testid"?: string;
}

/** Pick another partner by typing its name; the server searches the registry. */
export function PartnerPicker({ label, value, onChange, exclude, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const list = usePartners({ q, limit: 20, offset: 0 });
  const items = (list.data?.items ?? []).filter((p) => !exclude.has(p.id));
  const data = items.map((p) => ({ value: p.id, label: `${p.name} · ${t(`partners.type.${p.type}`)}` }));
  return (
    <SearchSelect
      label={label}
      placeholder={t("partners.relations.searchPlaceholder")}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by name; filtering again would hide matches on legal name or key.
      filter={({ options }) => options}
      onChange={(id) => onChange(id, items.find((p) => p.id === id)?.name ?? null)}
      nothingFoundMessage={list.isFetching ? t("common.loading") : t("common.nothingFound")}
      clearable
      w={{ base: "100%", xs: 320 }}
      data-testid={rest["data-testid"]}
    />
  );
}
