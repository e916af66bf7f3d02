import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../api/errors";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { PartnerDetail } from "./api";
import { ScreeningResultBadge } from "./badges";
import { RESCREEN_MONTHS, WARNING_INDICATORS } from "./domain";
import { ScreeningRecordModal } from "./ScreeningRecordModal";
import { useRunScreening } from "./screening.api";

const KNOWN = new Set(WARNING_INDICATORS.map((i) => i.code));

/** Due-diligence records of the partner, newest first, and when it must be screened again. */
export function ScreeningsTab({ partner, canEdit }: { partner: PartnerDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [adding, { open, close }] = useDisclosure(false);
  const run = useRunScreening();
  const rescreen = () =>
    run.mutate(partner.id, {
      onSuccess: (r) =>
        notifications.show({
          color: r.matches.length > 0 ? "orange" : "green",
          message: t("partners.screenings.rescreenDone", { count: r.matches.length }),
        }),
      onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
    });
  const records = [...partner.screenings].sort(
    (a, b) => b.performedOn.localeCompare(a.performedOn) || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <Paper withBorder p="md">
      <Stack>
        <Alert
          color={partner.rescreenOverdue ? "red" : partner.rescreenDueOn ? "blue" : "gray"}
          data-testid="partner-rescreen"
          data-overdue={partner.rescreenOverdue ? "true" : "false"}
        >
          <Text size="sm">
            {partner.rescreenDueOn
              ? t(partner.rescreenOverdue ? "partners.screenings.overdueOn" : "partners.screenings.dueOn", {
                  date: formatDate(partner.rescreenDueOn, lang),
                })
              : t("partners.screenings.neverScreened")}
          </Text>
          <Text size="xs" c="dimmed">
            {t("partners.screenings.interval", {
              risk: t(`partners.risk.${partner.riskLevel}`),
              count: RESCREEN_MONTHS[partner.riskLevel],
            })}
          </Text>
        </Alert>
        <Group justify="space-between">
          <Text size="sm" c="dimmed" maw={640}>
            {t("partners.screenings.help")}
          </Text>
          {canEdit && (
            <Button size="xs" onClick={open} data-testid="screening-record-new">
              {t("partners.screenings.add")}
            </Button>
          )}
        </Group>
        <Group justify="space-between" gap="xs">
          <Anchor component={Link} to={`/screening?status=all&partnerId=${partner.id}`} size="sm" data-testid="partner-denied-party-link">
            {t("partners.screenings.deniedParty")}
          </Anchor>
          {canEdit && (
            <Button size="xs" variant="default" onClick={rescreen} loading={run.isPending} data-testid="partner-rescreen-now">
              {t("partners.screenings.rescreenNow")}
            </Button>
          )}
        </Group>
        {records.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="partner-screenings-empty">
            {t("partners.screenings.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="xs" data-testid="partner-screenings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("partners.screenings.performedOn")}</Table.Th>
                  <Table.Th>{t("partners.screenings.kind")}</Table.Th>
                  <Table.Th>{t("partners.screenings.resultLabel")}</Table.Th>
                  <Table.Th>{t("partners.screenings.indicators")}</Table.Th>
                  <Table.Th>{t("partners.screenings.notes")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {records.map((r) => (
                  <Table.Tr key={r.id} data-testid="partner-screening-row" data-result={r.result}>
                    <Table.Td fz="sm">
                      <Stack gap={0}>
                        <span>{formatDate(r.performedOn, lang)}</span>
                        {r.performedBy && (
                          <Text size="xs" c="dimmed">
                            {r.performedBy.displayName}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td fz="sm">{t(`partners.screenings.kinds.${r.kind}`)}</Table.Td>
                    <Table.Td>
                      <ScreeningResultBadge result={r.result} />
                    </Table.Td>
                    <Table.Td>
                      {r.indicators.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t("partners.screenings.noIndicators")}
                        </Text>
                      ) : (
                        <Group gap={4}>
                          {r.indicators.map((code) => (
                            <Badge
                              key={code}
                              size="sm"
                              variant="outline"
                              color="orange"
                              tt="none"
                              style={{ whiteSpace: "normal", height: "auto" }}
                            >
                              {KNOWN.has(code) ? t(`partners.indicators.${code}`) : code}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td fz="sm" maw={280} style={{ whiteSpace: "pre-wrap" }}>
                      {r.notes}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ScreeningRecordModal partnerId={partner.id} opened={adding} onClose={close} />
    </Paper>
  );
}
