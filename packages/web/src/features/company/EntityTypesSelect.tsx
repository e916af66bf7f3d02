import { MultiSelect, type MultiSelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ENTITY_TYPES, type EntityType } from "../../lib/constants";
import { rankedFilter } from "../../lib/selectFilter";

type Props = Omit<MultiSelectProps, "data" | "value" | "onChange"> & {
  value: EntityType[];
  onChange: (value: EntityType[]) => void;
};

/** The CTPAT entity types with their translated labels; shared by the company profile and "New company". */
export function EntityTypesSelect({ value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={t("company.fields.entityTypes")}
      description={t("company.fields.entityTypesHint")}
      searchable
      filter={rankedFilter}
      hidePickedOptions
      selectFirstOptionOnChange
      nothingFoundMessage={t("common.nothingFound")}
      {...props}
      data={ENTITY_TYPES.map((e) => ({ value: e, label: t(`entityTypes.${e}`) }))}
      value={value}
      onChange={(v) => onChange(v as EntityType[])}
    />
  );
}
