import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { countryName } from "../../lib/countries";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { type PartnerDetail, useUpdatePartner } from "./api";
import { hintIdentifier } from "./domain";
import { HistoryTimeline } from "./HistoryTimeline";
import { PartnerForm } from "./PartnerForm";
import { isCountry } from "./partnerForm";
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
                  // A bordered chip rather than a Badge: long identifiers must wrap on a phone, not overflow.
                  <Paper
                    key={`${i.kind}:${i.value}`}
                    withBorder
                    radius="xl"
                    px={10}
                    py={2}
                    maw="100%"
                    style={i.warning ? { borderColor: "var(--mantine-color-orange-6)" } : undefined}
                    title={i.warning ?? undefined}
                    data-testid="partner-identifier"
                    data-warning={i.warning ? "true" : "false"}
                  >
                    <Text size="xs" c={i.warning ? "orange.8" : undefined} style={{ overflowWrap: "anywhere" }}>
                      {t(`partners.identifiers.kind.${i.kind}`)}:{" "}
                      <Text span ff="monospace" size="xs" fw={600}>
                        {i.value}
                      </Text>
                      {i.warning ? " ⚠" : ""}
                    </Text>
                  </Paper>
                ))}
              </Group>
            )}
            {p.identifiers
              .filter((i) => i.warning)
              .map((i) => {
                // The server's note is English only: say the same thing in the UI language from the shared rules.
                const level = hintIdentifier(i.kind, i.value, isCountry).level;
                const shape = t(`partners.identifiers.shape.${i.kind}`);
                return (
                  <Text key={`w-${i.kind}:${i.value}`} size="xs" c="orange.8" data-testid="partner-identifier-warning-note">
                    ⚠ {t(`partners.identifiers.kind.${i.kind}`)} {i.value}:{" "}
                    {level === "countryPrefix"
                      ? t("partners.identifiers.hint.countryPrefixSaved")
                      : t("partners.identifiers.hint.warningSaved", { shape })}
                  </Text>
                );
              })}
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
