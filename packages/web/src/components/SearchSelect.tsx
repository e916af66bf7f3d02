import { Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { rankedFilter } from "../lib/selectFilter";

export type SearchSelectProps = SelectProps & { "data-testid"?: string };

/**
 * A Select you can type into: accent-insensitive matching on label or value, and Enter picks the
 * best match. While empty, the first option is highlighted as soon as the dropdown opens; this
 * avoids a Mantine race where a deferred "highlight the current value" step, running after the
 * first keystrokes, cleared the highlight so Enter did nothing.
 */
export function SearchSelect(props: SearchSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      searchable
      selectFirstOptionOnChange
      selectFirstOptionOnDropdownOpen={props.value == null}
      filter={rankedFilter}
      nothingFoundMessage={t("common.nothingFound")}
      {...props}
    />
  );
}
