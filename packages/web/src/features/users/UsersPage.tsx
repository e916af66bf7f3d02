import { Badge, Button, Paper, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import type { Member, MemberPatch } from "../../api/types";
import { ConfirmButton } from "../../components/ConfirmButton";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { isForbidden, QueryError } from "../../components/QueryError";
import { SearchSelect } from "../../components/SearchSelect";
import { isAdmin, ROLES, type Role } from "../../lib/constants";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { AddUserModal } from "./AddUserModal";
import { useMembers, useUpdateMember } from "./api";

export default function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useCurrentSession();
  const canManage = isAdmin(session.role);
  const members = useMembers();
  const update = useUpdateMember();
  const [opened, { open, close }] = useDisclosure(false);

  const change = (m: Member, patch: MemberPatch, message: string) =>
    update.mutate(
      { id: m.id, patch },
      {
        onSuccess: () => notifications.show({ color: "green", message }),
        onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
      },
    );

  const forbidden = members.isError && isForbidden(members.error);
  const roleData = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          canManage && !forbidden ? (
            <Button onClick={open} data-testid="user-new">
              {t("users.add")}
            </Button>
          ) : null
        }
      />
      {members.isPending ? (
        <PageLoader />
      ) : members.isError ? (
        <QueryError error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("users.fields.email")}</Table.Th>
                  <Table.Th>{t("users.fields.displayName")}</Table.Th>
                  <Table.Th>{t("users.fields.role")}</Table.Th>
                  <Table.Th>{t("users.fields.status")}</Table.Th>
                  <Table.Th>{t("common.created")}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((m) => {
                  const self = m.id === session.user.id || m.email === session.user.email;
                  const editable = canManage && !self;
                  return (
                    <Table.Tr key={m.id} data-testid="user-row">
                      <Table.Td>{m.email}</Table.Td>
                      <Table.Td>
                        {m.displayName}
                        {self && (
                          <Text span size="xs" c="dimmed">
                            {" "}
                            ({t("users.you")})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td miw={200}>
                        {editable ? (
                          <SearchSelect
                            aria-label={t("users.roleFor", { email: m.email })}
                            size="xs"
                            data={roleData}
                            value={m.role}
                            allowDeselect={false}
                            disabled={update.isPending && update.variables?.id === m.id}
                            onChange={(v) =>
                              v && v !== m.role && change(m, { role: v as Role }, t("users.roleChanged", { email: m.email }))
                            }
                          />
                        ) : (
                          t(`roles.${m.role}`)
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={m.active ? "green" : "gray"} variant="light">
                          {m.active ? t("users.active") : t("users.inactive")}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatDateTime(m.createdAt, lang)}</Table.Td>
                      <Table.Td>
                        {editable &&
                          (m.active ? (
                            <ConfirmButton
                              size="xs"
                              variant="light"
                              color="red"
                              title={t("users.deactivateTitle")}
                              message={t("users.deactivateConfirm", { email: m.email })}
                              confirmLabel={t("users.deactivate")}
                              onConfirm={() => change(m, { active: false }, t("users.deactivated", { email: m.email }))}
                            >
                              {t("users.deactivate")}
                            </ConfirmButton>
                          ) : (
                            <Button
                              size="xs"
                              variant="light"
                              onClick={() => change(m, { active: true }, t("users.reactivated", { email: m.email }))}
                            >
                              {t("users.reactivate")}
                            </Button>
                          ))}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {!canManage && !members.isError && !members.isPending && (
        <Text size="sm" c="dimmed" mt="sm">
          {t("users.readOnly")}
        </Text>
      )}
      <AddUserModal opened={opened} onClose={close} />
    </>
  );
}
