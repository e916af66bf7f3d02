import { Badge, Button, Group, Paper, Stack, Switch, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { countryName } from "../../lib/countries";
import { useLang } from "../../lib/useLang";
import type { PartnerDetail, PartnerSite } from "./api";
import { PartnerSiteModal } from "./PartnerSiteModal";
import { useArchivePartnerSite } from "./records.api";

const coord = (n: number | null) => (n === null ? "" : n.toFixed(4));

/** The partner's sites (factories, warehouses, terminals…); coordinates put them on the supply chain map. */
export function SitesTab({ partner, canEdit }: { partner: PartnerDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const archive = useArchivePartnerSite(partner.id);
  const [editing, setEditing] = useState<PartnerSite | null | "new">(null);
  const [showArchived, setShowArchived] = useState(false);
  const archivedCount = partner.sites.filter((s) => s.archived).length;
  const sites = partner.sites.filter((s) => showArchived || !s.archived);

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t("partners.sites.help")}
          </Text>
          <Group gap="sm">
            {archivedCount > 0 && (
              <Switch
                label={t("partners.sites.showArchived", { count: archivedCount })}
                checked={showArchived}
                onChange={(e) => setShowArchived(e.currentTarget.checked)}
              />
            )}
            {canEdit && (
              <Button size="xs" onClick={() => setEditing("new")} data-testid="partner-site-new">
                {t("partners.sites.add")}
              </Button>
            )}
          </Group>
        </Group>
        {sites.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="partner-sites-empty">
            {t("partners.sites.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" data-testid="partner-sites">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("sites.fields.name")}</Table.Th>
                  <Table.Th>{t("sites.fields.kind")}</Table.Th>
                  <Table.Th>{t("sites.fields.country")}</Table.Th>
                  <Table.Th>{t("sites.fields.address")}</Table.Th>
                  <Table.Th>{t("partners.sites.coordinates")}</Table.Th>
                  {canEdit && <Table.Th>{t("common.actions")}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sites.map((s) => (
                  <Table.Tr key={s.id} data-testid="partner-site-row" data-archived={s.archived ? "true" : "false"}>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm" fw={500}>
                          {s.name}
                        </Text>
                        {s.archived && (
                          <Badge size="xs" color="gray" variant="light">
                            {t("sites.archived")}
                          </Badge>
                        )}
                      </Group>
                      {s.externalKey && (
                        <Text size="xs" c="dimmed" ff="monospace">
                          {s.externalKey}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`siteKinds.${s.kind}`)}</Table.Td>
                    <Table.Td>{countryName(s.countryCode, lang)}</Table.Td>
                    <Table.Td maw={240}>{s.address}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {s.latitude !== null && s.longitude !== null
                        ? `${coord(s.latitude)}, ${coord(s.longitude)}`
                        : t("partners.sites.noCoordinates")}
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        {!s.archived && (
                          <Group gap={4} wrap="nowrap">
                            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(s)} data-testid="partner-site-edit">
                              {t("partners.sites.edit")}
                            </Button>
                            <ConfirmButton
                              size="compact-xs"
                              variant="subtle"
                              color="red"
                              title={t("partners.sites.archiveTitle")}
                              message={t("partners.sites.archiveConfirm", { name: s.name })}
                              confirmLabel={t("partners.sites.archive")}
                              data-testid="partner-site-archive"
                              onConfirm={() =>
                                archive.mutate(s.id, {
                                  onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
                                })
                              }
                            >
                              {t("partners.sites.archive")}
                            </ConfirmButton>
                          </Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <PartnerSiteModal
        partnerId={partner.id}
        countryCode={partner.countryCode}
        site={editing === "new" ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Paper>
  );
}
