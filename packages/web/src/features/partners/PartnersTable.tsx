import { Anchor, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LinkRow, ListTable } from "../../components/ListTable";
import { countryName } from "../../lib/countries";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { Partner } from "./api";
import { CertifiedBadge, PartnerStatusBadge, RescreenBadge, RiskBadge } from "./badges";

/** The registry as a table; a row click opens the partner, the name is a real link for keyboards and new tabs. */
export function PartnersTable({ partners }: { partners: Partner[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns = ["name", "type", "country", "status", "risk", "certified", "rescreenDueOn"].map((f) => t(`partners.fields.${f}`));
  return (
    <ListTable columns={columns} minWidth={820} data-testid="partners-table">
      {partners.map((p) => (
        <LinkRow key={p.id} to={`/partners/${p.id}`} data-testid="partner-row" data-partner-id={p.id} data-status={p.status}>
          <Table.Td>
            <Stack gap={0}>
              <Anchor component={Link} to={`/partners/${p.id}`} fw={500}>
                {p.name}
              </Anchor>
              {(p.legalName || p.externalKey) && (
                <Text size="xs" c="dimmed">
                  {[p.legalName, p.externalKey].filter(Boolean).join(" · ")}
                </Text>
              )}
            </Stack>
          </Table.Td>
          <Table.Td>{t(`partners.type.${p.type}`)}</Table.Td>
          <Table.Td>{countryName(p.countryCode, lang)}</Table.Td>
          <Table.Td>
            <PartnerStatusBadge status={p.status} />
          </Table.Td>
          <Table.Td>
            <RiskBadge risk={p.riskLevel} />
          </Table.Td>
          <Table.Td>
            <CertifiedBadge certified={p.certified} />
          </Table.Td>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{p.rescreenDueOn ? formatDate(p.rescreenDueOn, lang) : "—"}</Text>
              <RescreenBadge overdue={p.rescreenOverdue} />
            </Group>
          </Table.Td>
        </LinkRow>
      ))}
    </ListTable>
  );
}
