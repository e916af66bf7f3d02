import { Group, Select, type SelectProps, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { countryOptions } from "../lib/countries";
import { rankedFilter } from "../lib/selectFilter";
import { useLang } from "../lib/useLang";

type Props = Omit<SelectProps, "data" | "filter" | "searchable"> & { "data-testid"?: string };

/**
 * Searchable country picker: ISO alpha-2 values, names in the UI language. Typing "MX", "Mexico" or
 * "México" then Enter selects Mexico.
 */
export function CountrySelect(props: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const data = useMemo(() => countryOptions(lang), [lang]);
  return (
    <Select
      searchable
      selectFirstOptionOnChange
      allowDeselect={false}
      filter={rankedFilter}
      nothingFoundMessage={t("common.nothingFound")}
      maxDropdownHeight={280}
      renderOption={({ option }) => (
        <Group justify="space-between" wrap="nowrap" w="100%">
          <span>{option.label}</span>
          <Text size="xs" c="dimmed" ff="monospace">
            {option.value}
          </Text>
        </Group>
      )}
      {...props}
      data={data}
    />
  );
}
