import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { SearchSelect, type SearchSelectProps } from "../../components/SearchSelect";
import { useCurrentSession } from "../auth/session";
import type { Person } from "../evidence/api";
import { useMembers } from "../users/api";

type Props = Omit<SearchSelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  /** The person currently set, so the choice shows even when the member list cannot be read. */
  current?: Person | null;
  onChange: (userId: string | null) => void;
  /** Explain under the field when the member list is not readable (off where many pickers repeat it). */
  limitedHint?: boolean;
};

/**
 * Pick an active member of the company as an owner. The member list is readable by managers only;
 * other roles can still keep the current owner or choose themselves.
 */
export function MemberSelect({ value, current, onChange, limitedHint = true, ...rest }: Props) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const members = useMembers();

  const data = useMemo(() => {
    const options = new Map<string, string>();
    for (const m of members.data?.items ?? []) if (m.active) options.set(m.id, m.displayName || m.email);
    if (!members.data) {
      options.set(user.id, user.displayName || user.email);
      if (current) options.set(current.id, current.displayName);
    }
    return [...options].map(([v, label]) => ({ value: v, label }));
  }, [members.data, user, current]);

  return (
    <SearchSelect
      placeholder={t("procedures.form.noOwner")}
      clearable
      {...rest}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      description={members.isError && limitedHint && !rest.readOnly ? t("procedures.form.ownerLimited") : rest.description}
    />
  );
}
