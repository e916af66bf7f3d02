import { MultiSelect, type MultiSelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { rankedFilter } from "../../lib/selectFilter";
import { useLang } from "../../lib/useLang";
import { criteriaSelectData, useCriteriaOptions } from "./api";

type Props = Omit<MultiSelectProps, "data"> & { "data-testid"?: string };

/** Pick MSC criteria by ID or words (accent-insensitive), from the criteria library. */
export function CriteriaMultiSelect(props: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const criteria = useCriteriaOptions();
  return (
    <MultiSelect
      searchable
      clearable
      selectFirstOptionOnChange
      hidePickedOptions
      filter={rankedFilter}
      maxDropdownHeight={260}
      nothingFoundMessage={criteria.isPending ? t("common.loading") : t("common.nothingFound")}
      placeholder={(props.value?.length ?? 0) === 0 ? t("evidence.form.criteriaPlaceholder") : undefined}
      {...props}
      error={props.error ?? (criteria.isError ? t("evidence.form.criteriaUnavailable") : undefined)}
      data={criteriaSelectData(criteria.data, lang)}
    />
  );
}
