import { Group, Paper, Switch, TextInput, type TextInputProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SearchSelect, type SearchSelectProps } from "./SearchSelect";

/** The bordered bar above a list: its fields in a row, bottom-aligned, then `footer` (a note on the active filter). */
export function FilterBar({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end" gap="sm">
        {children}
      </Group>
      {footer}
    </Paper>
  );
}

/** The list's search box, labelled "Search"; `w` defaults to full width on phones, 260 px above. */
export function SearchBox({
  value,
  onChange,
  w = { base: "100%", xs: 260 },
  ...rest
}: Omit<TextInputProps, "value" | "onChange"> & { value: string; onChange: (q: string) => void; "data-testid": string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="search"
      label={t("common.search")}
      name="q"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={w}
      {...rest}
    />
  );
}

/** Options from an enumeration, each labelled by its translation `${labelPrefix}.${value}`. */
interface EnumOptions {
  options: readonly string[];
  labelPrefix: string;
}

type FilterSelectProps = Omit<SearchSelectProps, "w" | "data"> & { width: number } & (EnumOptions | Pick<SearchSelectProps, "data">);

/** A clearable filter select: full width on phones, `width` px above. */
export function FilterSelect({ width, ...rest }: FilterSelectProps) {
  const { t } = useTranslation();
  if ("options" in rest) {
    const { options, labelPrefix, ...select } = rest;
    const data = options.map((value) => ({ value, label: t(`${labelPrefix}.${value}`) }));
    return <SearchSelect clearable w={{ base: "100%", xs: width }} data={data} {...select} />;
  }
  return <SearchSelect clearable w={{ base: "100%", xs: width }} {...rest} />;
}

/** An on/off filter, lined up with the inputs beside it. */
export function FilterSwitch({
  label,
  checked,
  onChange,
  "data-testid": testId,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  "data-testid": string;
}) {
  return <Switch label={label} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} mb={8} data-testid={testId} />;
}
