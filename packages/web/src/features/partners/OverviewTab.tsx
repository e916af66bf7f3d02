import { Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { countryName } from "../../lib/countries";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { type PartnerDetail, useUpdatePartner } from "./api";
import { HistoryTimeline } from "./HistoryTimeline";
import { PartnerForm } from "./PartnerForm";
import { StatusPanel } from "./StatusPanel";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: "anywhere" }}>
        {children || "—"}
      </Text>
    </Stack>
  );
}

/** The partner's details (with an edit dialog), its status move and its history. */
export function OverviewTab({ partner, canEdit, canApprove }: { partner: PartnerDetail; canEdit: boolean; canApprove: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const phone = useMediaQuery("(max-width: 36em)");
  const [editing, { open, close }] = useDisclosure(false);
  const update = useUpdatePartner(partner.id);
  const closeEdit = () => {
    update.reset();
    close();
  };
  const p = partner;

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md" data-testid="partner-details">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} size="h5">
              {t("partners.overview.details")}
            </Title>
            {canEdit && (
              <Button size="xs" variant="light" onClick={open} data-testid="partner-edit">
                {t("partners.overview.edit")}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Field label={t("partners.fields.legalName")}>{p.legalName}</Field>
            <Field label={t("partners.fields.type")}>{t(`partners.type.${p.type}`)}</Field>
            <Field label={t("partners.fields.country")}>{countryName(p.countryCode, lang)}</Field>
            <Field label={t("partners.fields.externalKey")}>{p.externalKey}</Field>
            <Field label={t("partners.fields.address")}>{p.address}</Field>
            <Field label={t("partners.fields.website")}>
              {p.website && /^https?:\/\//i.test(p.website) ? (
                <Anchor href={p.website} target="_blank" rel="noopener noreferrer">
                  {p.website}
                </Anchor>
              ) : (
                p.website
              )}
            </Field>
            <Field label={t("partners.fields.vulnerabilityScore")}>
              {p.vulnerabilityScore === null ? t("partners.overview.noScore") : `${p.vulnerabilityScore}/100`}
            </Field>
            <Field label={t("partners.fields.rescreenDueOn")}>
              {p.rescreenDueOn ? formatDate(p.rescreenDueOn, lang) : t("partners.overview.noRescreen")}
            </Field>
          </SimpleGrid>
          {p.notes && <Field label={t("partners.fields.notes")}>{<span style={{ whiteSpace: "pre-wrap" }}>{p.notes}</span>}</Field>}
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t("partners.identifiers.title")}
            </Text>
            {p.identifiers.length === 0 ? (
              <Text size="sm">—</Text>
            ) : (
              <Group gap="xs">
                {p.identifiers.map((i) => (
                  <Badge
                    key={`${i.kind}:${i.value}`}
                    variant="outline"
                    color={i.warning ? "orange" : "gray"}
                    title={i.warning ?? undefined}
                    tt="none"
                    data-testid="partner-identifier"
                    data-warning={i.warning ? "true" : "false"}
                  >
                    {t(`partners.identifiers.kind.${i.kind}`)}: {i.value}
                    {i.warning ? " ⚠" : ""}
                  </Badge>
                ))}
              </Group>
            )}
            {p.identifiers.some((i) => i.warning) && (
              <Text size="xs" c="orange.8">
                {t("partners.identifiers.warningsNote")}
              </Text>
            )}
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t("partners.contacts.title")}
            </Text>
            {p.contacts.length === 0 ? (
              <Text size="sm">—</Text>
            ) : (
              <Table.ScrollContainer minWidth={360}>
                <Table fz="sm" verticalSpacing={4}>
                  <Table.Tbody>
                    {p.contacts.map((c) => (
                      <Table.Tr key={c.id} data-testid="partner-contact">
                        <Table.Td fw={500}>{c.name}</Table.Td>
                        <Table.Td>{c.role}</Table.Td>
                        <Table.Td>{c.email && <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>}</Table.Td>
                        <Table.Td>{c.phone && <Anchor href={`tel:${c.phone}`}>{c.phone}</Anchor>}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        </Stack>
      </Paper>
      <Stack gap="md">
        <StatusPanel partner={p} canEdit={canEdit} canApprove={canApprove} />
        <HistoryTimeline history={p.statusHistory} />
      </Stack>
      <Modal
        opened={editing}
        onClose={closeEdit}
        title={t("partners.overview.editTitle")}
        size="xl"
        fullScreen={!!phone}
        closeOnClickOutside={false}
      >
        {editing && (
          <PartnerForm
            partner={p}
            mode="update"
            submitting={update.isPending}
            error={update.error}
            onCancel={closeEdit}
            onSubmit={(body) =>
              update.mutate(body, {
                onSuccess: () => {
                  notifications.show({ color: "green", message: t("common.saved") });
                  closeEdit();
                },
              })
            }
          />
        )}
      </Modal>
    </SimpleGrid>
  );
}
