import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { SearchSelect, type SearchSelectProps } from "../../components/SearchSelect";
import { type PartnerOption, usePartnerOption, usePartnerOptions } from "./api";

const labelOf = (p: PartnerOption) => `${p.name} (${p.countryCode})`;

type Props = Omit<SearchSelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange"> & {
  value: string | null;
  onChange: (partnerId: string | null, partner: PartnerOption | null) => void;
  /** Leave archived partners out (a questionnaire cannot be sent to one). */
  activeOnly?: boolean;
};

/**
 * Pick a business partner by typing part of its name: the server searches (a company may have thousands), the
 * select ranks what came back. The chosen partner stays listed even when a later search no longer finds it.
 */
export function PartnerPicker({ value, onChange, activeOnly = false, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const chosen = usePartnerOption(value);
  const [picked, setPicked] = useState<PartnerOption | null>(null);
  const current = picked?.id === value ? picked : (chosen.data ?? null);
  // Once a partner is chosen the box shows its label: that is not a search, so list everyone again.
  const options = usePartnerOptions(current && debounced === labelOf(current) ? "" : debounced);

  const byId = useMemo(() => {
    const map = new Map<string, PartnerOption>();
    for (const p of options.data?.items ?? []) if (!activeOnly || !p.archivedAt) map.set(p.id, p);
    if (value && current) map.set(current.id, current);
    return map;
  }, [options.data, current, value, activeOnly]);

  const data = [...byId.values()].map((p) => ({ value: p.id, label: labelOf(p) }));
  return (
    <SearchSelect
      placeholder={t("questionnaires.partnerPlaceholder")}
      {...rest}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v) => {
        const p = v ? (byId.get(v) ?? null) : null;
        setPicked(p);
        onChange(v, p);
      }}
      nothingFoundMessage={options.isFetching ? t("common.loading") : t("questionnaires.noPartnerFound")}
    />
  );
}
