import type { ComboboxItem } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FilterBar, SearchBox } from "../../components/ListFilters";
import { SearchSelect } from "../../components/SearchSelect";
import { useLang } from "../../lib/useLang";
import { type CategoryView, type FocusAreaView, pickLang } from "../criteria/api";
import { ATTENTION_FILTERS, PROFILE_STATUSES } from "./api";

export interface ProfileFilterValues {
  focusAreaId: string | null;
  categoryId: string | null;
  level: string | null;
  status: string | null;
  filter: string | null;
}

/** One of the list's pick-one filters; without a placeholder it reads "All". */
interface FilterSelect {
  key: keyof ProfileFilterValues;
  label: string;
  placeholder?: string;
  data: ComboboxItem[];
  testId: string;
}

/** Filters above the profile list; every change goes straight to the URL. */
export function ProfileFilters(props: {
  values: ProfileFilterValues;
  q: string;
  onQ: (q: string) => void;
  onChange: (changes: Partial<Record<keyof ProfileFilterValues, string | null>>) => void;
  focusAreas: FocusAreaView[];
  categories: CategoryView[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { values, onChange } = props;
  const categories = props.categories.filter((c) => !values.focusAreaId || c.focusAreaId === values.focusAreaId);
  const w = { base: "100%", xs: "calc(50% - var(--mantine-spacing-sm) / 2)", md: 200 };
  const selects: FilterSelect[] = [
    {
      key: "focusAreaId",
      label: t("profile.filters.focusArea"),
      data: [...props.focusAreas]
        .sort((a, b) => a.number - b.number)
        .map((f) => ({ value: f.id, label: `${f.number}. ${pickLang(f.name, lang)}` })),
      testId: "profile-focus-filter",
    },
    {
      key: "categoryId",
      label: t("profile.filters.category"),
      data: categories.map((c) => ({ value: String(c.id), label: `${c.id}. ${pickLang(c.name, lang)}` })),
      testId: "profile-category-filter",
    },
    {
      key: "level",
      label: t("profile.filters.level"),
      data: [
        { value: "must", label: t("criteria.level.must") },
        { value: "should", label: t("criteria.level.should") },
      ],
      testId: "profile-level-filter",
    },
    {
      key: "status",
      label: t("profile.filters.status"),
      data: PROFILE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
      testId: "profile-status-filter",
    },
    {
      key: "filter",
      label: t("profile.filters.attention"),
      placeholder: t("profile.filters.none"),
      data: ATTENTION_FILTERS.map((f) => ({ value: f, label: t(`profile.attention.${f}`) })),
      testId: "profile-attention-filter",
    },
  ];
  return (
    <FilterBar>
      <SearchBox
        placeholder={t("profile.searchPlaceholder")}
        value={props.q}
        onChange={props.onQ}
        w={{ base: "100%", md: 220 }}
        data-testid="profile-search"
      />
      {selects.map((f) => (
        // Not FilterSelect: these share a row two by two on tablets before settling at 200 px.
        <SearchSelect
          key={f.key}
          label={f.label}
          placeholder={f.placeholder ?? t("profile.filters.all")}
          data={f.data}
          value={values[f.key]}
          // A category belongs to one focus area: a new focus area clears it.
          onChange={(v) => onChange(f.key === "focusAreaId" ? { focusAreaId: v, categoryId: null } : { [f.key]: v })}
          clearable
          w={w}
          data-testid={f.testId}
        />
      ))}
    </FilterBar>
  );
}
