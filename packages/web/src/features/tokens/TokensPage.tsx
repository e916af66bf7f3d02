import { Badge, Button, Code, Paper, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import type { ApiToken } from "../../api/types";
import { ConfirmButton } from "../../components/ConfirmButton";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { isForbidden, QueryError } from "../../components/QueryError";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useRevokeToken, useTokens } from "./api";
import { CreateTokenModal } from "./CreateTokenModal";

function status(tk: ApiToken): "revoked" | "expired" | "active" {
  if (tk.revokedAt) return "revoked";
  if (tk.expiresAt && new Date(tk.expiresAt).getTime() <= Date.now()) return "expired";
  return "active";
}

const STATUS_COLOR = { revoked: "red", expired: "gray", active: "green" } as const;

export default function TokensPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [opened, { open, close }] = useDisclosure(false);
  const forbidden = tokens.isError && isForbidden(tokens.error);

  const onRevoke = (tk: ApiToken) =>
    revoke.mutate(tk.id, {
      onSuccess: () => notifications.show({ color: "green", message: t("tokens.revokedDone", { name: tk.name }) }),
      onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
    });

  const dash = (v: string | null) => (v ? formatDateTime(v, lang) : t("common.never"));

  return (
    <>
      <PageHeader
        title={t("tokens.title")}
        description={t("tokens.description")}
        actions={
          forbidden ? null : (
            <Button onClick={open} data-testid="token-new">
              {t("tokens.create")}
            </Button>
          )
        }
      />
      {tokens.isPending ? (
        <PageLoader />
      ) : tokens.isError ? (
        <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <Paper withBorder p="xl">
          <Stack align="center" ta="center" gap="xs">
            <Text fw={500}>{t("tokens.emptyTitle")}</Text>
            <Text c="dimmed" size="sm" maw={520}>
              {t("tokens.emptyBody")}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" data-testid="tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("tokens.fields.name")}</Table.Th>
                  <Table.Th>{t("tokens.fields.prefix")}</Table.Th>
                  <Table.Th>{t("tokens.fields.owner")}</Table.Th>
                  <Table.Th>{t("common.created")}</Table.Th>
                  <Table.Th>{t("tokens.fields.lastUsed")}</Table.Th>
                  <Table.Th>{t("tokens.fields.expires")}</Table.Th>
                  <Table.Th miw={120}>{t("tokens.fields.status")}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((tk) => {
                  const st = status(tk);
                  return (
                    <Table.Tr key={tk.id} data-testid="token-row">
                      <Table.Td fw={500}>{tk.name}</Table.Td>
                      <Table.Td>
                        <Code>{tk.prefix}</Code>
                      </Table.Td>
                      <Table.Td>{tk.userEmail}</Table.Td>
                      <Table.Td>{formatDateTime(tk.createdAt, lang)}</Table.Td>
                      <Table.Td>{dash(tk.lastUsedAt)}</Table.Td>
                      <Table.Td>{tk.expiresAt ? formatDateTime(tk.expiresAt, lang) : t("tokens.noExpiry")}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[st]} variant="light">
                          {t(`tokens.status.${st}`)}
                        </Badge>
                        {st === "revoked" && (
                          <Text size="xs" c="dimmed" mt={4}>
                            {formatDateTime(tk.revokedAt, lang)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {st !== "revoked" && (
                          <ConfirmButton
                            size="xs"
                            variant="light"
                            color="red"
                            loading={revoke.isPending && revoke.variables === tk.id}
                            title={t("tokens.revokeTitle")}
                            message={t("tokens.revokeConfirm", { name: tk.name })}
                            confirmLabel={t("tokens.revoke")}
                            onConfirm={() => onRevoke(tk)}
                            data-testid="token-revoke"
                          >
                            {t("tokens.revoke")}
                          </ConfirmButton>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <CreateTokenModal opened={opened} onClose={close} />
    </>
  );
}
