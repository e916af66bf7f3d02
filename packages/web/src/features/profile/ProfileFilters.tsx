import { Group, Paper, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
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
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end" gap="sm">
        <TextInput
          type="search"
          label={t("common.search")}
          placeholder={t("profile.searchPlaceholder")}
          value={props.q}
          onChange={(e) => props.onQ(e.currentTarget.value)}
          w={{ base: "100%", md: 220 }}
          data-testid="profile-search"
        />
        <SearchSelect
          label={t("profile.filters.focusArea")}
          placeholder={t("profile.filters.all")}
          data={[...props.focusAreas]
            .sort((a, b) => a.number - b.number)
            .map((f) => ({ value: f.id, label: `${f.number}. ${pickLang(f.name, lang)}` }))}
          value={values.focusAreaId}
          onChange={(v) => onChange({ focusAreaId: v, categoryId: null })}
          clearable
          w={w}
          data-testid="profile-focus-filter"
        />
        <SearchSelect
          label={t("profile.filters.category")}
          placeholder={t("profile.filters.all")}
          data={categories.map((c) => ({ value: String(c.id), label: `${c.id}. ${pickLang(c.name, lang)}` }))}
          value={values.categoryId}
          onChange={(v) => onChange({ categoryId: v })}
          clearable
          w={w}
          data-testid="profile-category-filter"
        />
        <SearchSelect
          label={t("profile.filters.level")}
          placeholder={t("profile.filters.all")}
          data={[
            { value: "must", label: t("criteria.level.must") },
            { value: "should", label: t("criteria.level.should") },
          ]}
          value={values.level}
          onChange={(v) => onChange({ level: v })}
          clearable
          w={w}
          data-testid="profile-level-filter"
        />
        <SearchSelect
          label={t("profile.filters.status")}
          placeholder={t("profile.filters.all")}
          data={PROFILE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={values.status}
          onChange={(v) => onChange({ status: v })}
          clearable
          w={w}
          data-testid="profile-status-filter"
        />
        <SearchSelect
          label={t("profile.filters.attention")}
          placeholder={t("profile.filters.none")}
          data={ATTENTION_FILTERS.map((f) => ({ value: f, label: t(`profile.attention.${f}`) }))}
          value={values.filter}
          onChange={(v) => onChange({ filter: v })}
          clearable
          w={w}
          data-testid="profile-attention-filter"
        />
      </Group>
    </Paper>
  );
}
