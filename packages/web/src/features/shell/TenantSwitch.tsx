import { Select, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { errorMessage } from "../../api/errors";
import { useCurrentSession, useSwitchTenant } from "../auth/session";

/** Select of the user's memberships; switching reloads every tenant-scoped query. */
export function TenantSwitch({ w }: { w?: number | string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const switchTenant = useSwitchTenant();
  const location = useLocation();
  const navigate = useNavigate();
  const current = session.tenant?.id ?? null;

  if (session.memberships.length <= 1) {
    return (
      <Text size="sm" fw={500} truncate="end" maw={w ?? 260} title={session.tenant?.legalName}>
        {session.tenant?.legalName ?? ""}
      </Text>
    );
  }

  const onChange = (tenantId: string | null) => {
    if (!tenantId || tenantId === current) return;
    switchTenant.mutate(tenantId, {
      onSuccess: (s) => {
        // A record page of the previous company would be "not found" in the new one.
        const section = location.pathname.split("/")[1] ?? "";
        if (location.pathname.split("/").length > 2) navigate(`/${section}`);
        notifications.show({ message: t("shell.switched", { name: s.tenant?.legalName ?? "" }) });
      },
      onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
    });
  };

  return (
    <Select
      data-testid="tenant-switch"
      aria-label={t("shell.tenant")}
      w={w ?? 260}
      size="sm"
      value={current}
      onChange={onChange}
      allowDeselect={false}
      searchable={session.memberships.length > 6}
      disabled={switchTenant.isPending}
      data={session.memberships.map((m) => ({ value: m.tenantId, label: m.legalName }))}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
