import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { type PartnerCertification, type PartnerDetail, useMraPrograms } from "./api";
import { CertificationModal } from "./CertificationModal";
import { MraFacts } from "./MraProgram";
import { WaiverModal } from "./WaiverModal";

const STATUS_COLOR: Record<string, string> = { active: "green", suspended: "orange", expired: "red", revoked: "dark" };

/** The partner's CTPAT and MRA certifications; expired ones stand out. Approvers can waive the questionnaire. */
export function CertificationsTab({ partner, canEdit, canApprove }: { partner: PartnerDetail; canEdit: boolean; canApprove: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const programs = useMraPrograms();
  const byId = new Map((programs.data ?? []).map((p) => [p.id, p]));
  const [editing, setEditing] = useState<PartnerCertification | null | "new">(null);
  const [waiving, setWaiving] = useState<PartnerCertification | null>(null);
  const waiver = partner.questionnaireWaiver;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Text size="sm" c="dimmed" maw={640}>
            {t("partners.certifications.help")}
          </Text>
          {canEdit && (
            <Button size="xs" onClick={() => setEditing("new")} data-testid="partner-cert-new">
              {t("partners.certifications.add")}
            </Button>
          )}
        </Group>
        {waiver && (
          <Alert
            color={partner.questionnaireWaived ? "teal" : "orange"}
            title={partner.questionnaireWaived ? t("partners.waiver.activeTitle") : t("partners.waiver.lapsedTitle")}
            data-testid="partner-waiver-status"
            data-active={partner.questionnaireWaived ? "true" : "false"}
          >
            <Text size="sm">
              {t("partners.waiver.recorded", { date: formatDateTime(waiver.waivedAt, lang) })}
              {waiver.reason ? ` — ${waiver.reason}` : ""}
            </Text>
            {!partner.questionnaireWaived && <Text size="sm">{t("partners.waiver.lapsed")}</Text>}
          </Alert>
        )}
        {partner.certifications.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="partner-certs-empty">
            {t("partners.certifications.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" data-testid="partner-certs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("partners.certifications.program")}</Table.Th>
                  <Table.Th>{t("partners.certifications.certificateId")}</Table.Th>
                  <Table.Th>{t("partners.certifications.status")}</Table.Th>
                  <Table.Th>{t("partners.certifications.validity")}</Table.Th>
                  <Table.Th>{t("partners.certifications.verification")}</Table.Th>
                  {(canEdit || canApprove) && <Table.Th>{t("common.actions")}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {partner.certifications.map((c) => {
                  const mra = byId.get(c.program);
                  const reverifyDue = !!c.nextVerificationOn && c.nextVerificationOn <= today;
                  return (
                    <Table.Tr
                      key={c.id}
                      bg={c.expired ? "var(--mantine-color-red-light)" : undefined}
                      data-testid="partner-cert-row"
                      data-program={c.program}
                      data-expired={c.expired ? "true" : "false"}
                    >
                      <Table.Td>
                        <Stack gap={2}>
                          <Text size="sm" fw={500}>
                            {c.programName}
                          </Text>
                          {mra && <MraFacts program={mra} compact />}
                        </Stack>
                      </Table.Td>
                      <Table.Td ff="monospace" fz="sm">
                        {c.certificateId ?? "—"}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge color={STATUS_COLOR[c.status] ?? "gray"} variant="light">
                            {t(`partners.certifications.statuses.${c.status}`)}
                          </Badge>
                          {c.expired && c.status !== "expired" && (
                            <Badge color="red" variant="filled" data-testid="partner-cert-expired">
                              {t("partners.certifications.expired")}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td fz="sm">
                        {c.validFrom || c.validTo
                          ? `${formatDate(c.validFrom, lang) || "…"} – ${formatDate(c.validTo, lang) || "…"}`
                          : t("partners.certifications.noDates")}
                      </Table.Td>
                      <Table.Td fz="sm">
                        <Stack gap={0}>
                          <span>
                            {c.lastVerifiedOn
                              ? t("partners.certifications.verifiedOn", { date: formatDate(c.lastVerifiedOn, lang) })
                              : t("partners.certifications.neverVerified")}
                          </span>
                          {c.nextVerificationOn && (
                            <Text size="xs" c={reverifyDue ? "red" : "dimmed"}>
                              {t("partners.certifications.nextOn", { date: formatDate(c.nextVerificationOn, lang) })}
                            </Text>
                          )}
                          {c.evidenceId && (
                            <Anchor component={Link} to={`/evidence/${c.evidenceId}`} size="xs">
                              {t("partners.certifications.openEvidence")}
                            </Anchor>
                          )}
                        </Stack>
                      </Table.Td>
                      {(canEdit || canApprove) && (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            {canEdit && (
                              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c)} data-testid="partner-cert-edit">
                                {t("partners.certifications.edit")}
                              </Button>
                            )}
                            {canApprove && c.active && !partner.questionnaireWaived && (
                              <Button
                                size="compact-xs"
                                variant="light"
                                color="teal"
                                onClick={() => setWaiving(c)}
                                data-testid="partner-waiver"
                              >
                                {t("partners.waiver.action")}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <CertificationModal
        partnerId={partner.id}
        certification={editing === "new" ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <WaiverModal partnerId={partner.id} certification={waiving} onClose={() => setWaiving(null)} />
    </Paper>
  );
}
