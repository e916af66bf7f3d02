import { Group, Text } from "@mantine/core";
import { useMemo } from "react";
import { countryOptions } from "../lib/countries";
import { useLang } from "../lib/useLang";
import { SearchSelect, type SearchSelectProps } from "./SearchSelect";

type Props = Omit<SearchSelectProps, "data">;

/**
 * Searchable country picker: ISO alpha-2 values, names in the UI language. Typing "MX", "Mexico" or
 * "México" then Enter selects Mexico.
 */
export function CountrySelect(props: Props) {
  const lang = useLang();
  const data = useMemo(() => countryOptions(lang), [lang]);
  return (
    <SearchSelect
      allowDeselect={false}
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
