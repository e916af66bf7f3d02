import { Select, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import { normalizeSearch } from "../../lib/countries";
import { PROFILE_STATUSES, type ProfileStatus } from "../profile/api";
import { StatusBadge } from "../profile/status";
import { type FrameworkControl, useSetControlStatus } from "./api";
import { MappingBadges } from "./MappingBadges";

function StatusCell({ frameworkId, control, canEdit }: { frameworkId: string; control: FrameworkControl; canEdit: boolean }) {
  const { t } = useTranslation();
  const set = useSetControlStatus(frameworkId);
  if (!canEdit)
    return control.status ? (
      <StatusBadge status={control.status} size="sm" />
    ) : (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Select
      size="xs"
      w={170}
      aria-label={t("frameworks.ownStatusFor", { ref: control.ref })}
      data={PROFILE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      value={control.status}
      allowDeselect={false}
      disabled={set.isPending}
      data-testid="framework-control-status"
      onChange={(v) =>
        v &&
        v !== control.status &&
        set.mutate(
          { ref: control.ref, status: v as ProfileStatus },
          {
            onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }),
            onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
          },
        )
      }
    />
  );
}

/** The framework's controls with their MSC mappings and the company's own status. */
export function ControlsTable({ frameworkId, controls, canEdit }: { frameworkId: string; controls: FrameworkControl[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const shown = useMemo(() => {
    const needle = normalizeSearch(q);
    if (!needle) return controls;
    return controls.filter((c) =>
      normalizeSearch(`${c.ref} ${c.title} ${c.description ?? ""} ${c.mappings.map((m) => m.criterionId).join(" ")}`).includes(needle),
    );
  }, [controls, q]);
  return (
    <>
      <TextInput
        type="search"
        label={t("common.search")}
        placeholder={t("frameworks.searchControls")}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={{ base: "100%", sm: 320 }}
        mb="sm"
        data-testid="framework-control-search"
      />
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" data-testid="framework-controls">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("frameworks.cols.ref")}</Table.Th>
              <Table.Th>{t("frameworks.cols.title")}</Table.Th>
              <Table.Th>{t("frameworks.cols.mappings")}</Table.Th>
              <Table.Th>{t("frameworks.cols.ownStatus")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((c) => (
              <Table.Tr key={c.ref} data-testid="framework-control-row" data-ref={c.ref}>
                <Table.Td ff="monospace" style={{ whiteSpace: "nowrap" }}>
                  {c.ref}
                </Table.Td>
                <Table.Td maw={380}>
                  <Text size="sm" fw={500}>
                    {c.title}
                  </Text>
                  {c.description && (
                    <Text size="xs" c="dimmed" lineClamp={3}>
                      {c.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <MappingBadges mappings={c.mappings} />
                </Table.Td>
                <Table.Td>
                  <StatusCell frameworkId={frameworkId} control={c} canEdit={canEdit} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length === 0 && (
        <Text size="sm" c="dimmed" p="sm">
          {t("frameworks.noControls")}
        </Text>
      )}
    </>
  );
}
