import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { countryName } from "../../lib/countries";
import { useLang } from "../../lib/useLang";
import type { PartnerDetail, PartnerRef } from "./api";
import { PartnerStatusBadge } from "./badges";
import { PartnerPicker } from "./PartnerPicker";
import { cycleOf, useLinkCustomer, useLinkSupplier } from "./records.api";

type Side = "suppliers" | "customers";

interface SideProps {
  side: Side;
  partner: PartnerDetail;
  canEdit: boolean;
}

/** One side of the multi-tier chain: who supplies this partner, or whom it supplies. */
function RelationList({ side, partner, canEdit }: SideProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const supplier = useLinkSupplier(partner.id);
  const customer = useLinkCustomer(partner.id);
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const [cycle, setCycle] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rows: PartnerRef[] = partner[side];
  const names = new Map<string, string>([
    [partner.id, partner.name],
    ...[...partner.suppliers, ...partner.customers].map((p) => [p.id, p.name] as [string, string]),
    ...(picked ? [[picked.id, picked.name] as [string, string]] : []),
  ]);
  const exclude = new Set([partner.id, ...rows.map((r) => r.id)]);
  const busy = supplier.isPending || customer.isPending;

  const run = (otherId: string, remove: boolean, onDone?: () => void) => {
    setError(null);
    setCycle(null);
    const opts = {
      onSuccess: () => {
        onDone?.();
        notifications.show({ color: "green", message: remove ? t("partners.relations.removed") : t("partners.relations.added") });
      },
      onError: (e: unknown) => {
        const c = cycleOf(e);
        if (c.length > 0) setCycle(c);
        else setError(errorMessage(t, e));
      },
    };
    if (side === "suppliers") supplier.mutate({ supplierId: otherId, remove }, opts);
    else customer.mutate({ customerId: otherId, remove }, opts);
  };

  return (
    <Paper withBorder p="md" data-testid={`partner-${side}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t(`partners.relations.${side}.title`)}
        </Title>
        <Text size="xs" c="dimmed">
          {t(`partners.relations.${side}.help`)}
        </Text>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t(`partners.relations.${side}.none`)}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={360}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id} data-testid="partner-relation-row" data-partner-id={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/partners/${r.id}`} size="sm" fw={500}>
                        {r.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`partners.type.${r.type}`)} · {countryName(r.countryCode, lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <PartnerStatusBadge status={r.status} size="sm" />
                    </Table.Td>
                    {canEdit && (
                      <Table.Td ta="right">
                        <ConfirmButton
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          title={t("partners.relations.removeTitle")}
                          message={t(`partners.relations.${side}.removeConfirm`, { name: r.name, partner: partner.name })}
                          confirmLabel={t("partners.relations.remove")}
                          data-testid="partner-relation-remove"
                          onConfirm={() => run(r.id, true)}
                        >
                          {t("partners.relations.remove")}
                        </ConfirmButton>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {cycle && (
          <Alert color="red" title={t("partners.relations.cycleTitle")} role="alert" data-testid="partner-relation-cycle">
            <Text size="sm">{t("partners.relations.cycleBody")}</Text>
            <Text size="sm" fw={500} mt={4}>
              {cycle.map((id) => names.get(id) ?? t("partners.relations.otherPartner")).join(" → ")}
            </Text>
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {canEdit && (
          <Group align="flex-end" gap="xs">
            <PartnerPicker
              label={t(`partners.relations.${side}.add`)}
              value={picked?.id ?? null}
              onChange={(id, name) => setPicked(id ? { id, name: name ?? "" } : null)}
              exclude={exclude}
              data-testid={`partner-${side}-picker`}
            />
            <Button
              disabled={!picked}
              loading={busy}
              onClick={() => picked && run(picked.id, false, () => setPicked(null))}
              data-testid={`partner-${side}-add`}
            >
              {t("partners.relations.link")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Multi-tier links: the partner's suppliers (the next tier out) and its customers. */
export function RelationsTab({ partner, canEdit }: { partner: PartnerDetail; canEdit: boolean }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <RelationList side="suppliers" partner={partner} canEdit={canEdit} />
      <RelationList side="customers" partner={partner} canEdit={canEdit} />
    </SimpleGrid>
  );
}
