import { Alert, Badge, Button, Group, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { type ProcedureDetail, useAcknowledgements, useProcedureAction } from "./api";

/**
 * "I have read and understood" for the caller, and who has or has not acknowledged the version in
 * force. A new approved version starts the count again.
 */
export function AcknowledgementsPanel({ procedure: p }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const inForce = p.currentVersion !== null && p.status !== "archived";
  const acks = useAcknowledgements(p.id, p.currentVersion !== null);
  const action = useProcedureAction(p.id);

  const acknowledge = () =>
    action.mutate(
      { kind: "acknowledge" },
      {
        onSuccess: () => notifications.show({ color: "green", message: t("procedures.acks.done", { version: p.currentVersion }) }),
        onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
      },
    );

  if (p.currentVersion === null) {
    return (
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("procedures.acks.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("procedures.acks.noneYet")}
        </Text>
      </Stack>
    );
  }

  const data = acks.data;
  const percent = data && data.total > 0 ? Math.round((data.acknowledged / data.total) * 100) : 0;

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t("procedures.acks.titleVersion", { version: p.currentVersion })}
      </Title>
      {!p.requiresAck && (
        <Text size="sm" c="dimmed">
          {t("procedures.acks.optional")}
        </Text>
      )}
      {p.acknowledgedAt ? (
        <Alert color="green" variant="light" data-testid="procedure-acknowledged">
          {t("procedures.acks.youAcknowledged", { version: p.currentVersion, date: formatDateTime(p.acknowledgedAt, lang) })}
        </Alert>
      ) : inForce ? (
        <Alert color={p.requiresAck ? "yellow" : "gray"} variant="light">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t("procedures.acks.prompt", { version: p.currentVersion })}</Text>
            <Button onClick={acknowledge} loading={action.isPending} data-testid="procedure-acknowledge">
              {t("procedures.acks.button")}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {acks.isPending ? (
        <PageLoader />
      ) : acks.isError ? (
        <QueryError error={acks.error} onRetry={() => void acks.refetch()} />
      ) : data ? (
        <>
          <Group gap="sm" wrap="nowrap">
            <Progress value={percent} flex={1} aria-label={t("procedures.acks.progress", { done: data.acknowledged, total: data.total })} />
            <Text size="sm" style={{ whiteSpace: "nowrap" }}>
              {t("procedures.acks.progress", { done: data.acknowledged, total: data.total })}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs" data-testid="procedure-acks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("procedures.acks.person")}</Table.Th>
                  <Table.Th>{t("procedures.acks.role")}</Table.Th>
                  <Table.Th>{t("procedures.acks.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((i) => (
                  <Table.Tr
                    key={i.user?.id ?? i.role}
                    data-testid="procedure-ack-row"
                    data-acknowledged={i.acknowledgedAt ? "true" : "false"}
                  >
                    <Table.Td>{i.user?.displayName ?? t("evidence.unknownPerson")}</Table.Td>
                    <Table.Td>{t(`roles.${i.role}`, { defaultValue: i.role })}</Table.Td>
                    <Table.Td>
                      {i.acknowledgedAt ? (
                        <Group gap={6} wrap="nowrap">
                          <Badge color="green" variant="light">
                            {t("procedures.acks.yes")}
                          </Badge>
                          <Text size="xs" c="dimmed">
                            {formatDateTime(i.acknowledgedAt, lang)}
                          </Text>
                        </Group>
                      ) : (
                        <Badge color="gray" variant="outline">
                          {t("procedures.acks.no")}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Stack>
  );
}
