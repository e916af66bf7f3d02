import { Anchor, Group, Stack, Table, Text } from "@mantine/core";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { countryName } from "../../lib/countries";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { Partner } from "./api";
import { CertifiedBadge, PartnerStatusBadge, RescreenBadge, RiskBadge } from "./badges";

/** The registry as a table; a row click opens the partner, the name is a real link for keyboards and new tabs. */
export function PartnersTable({ partners }: { partners: Partner[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const onRowClick = (e: MouseEvent, id: string) => {
    if ((e.target as HTMLElement).closest("a,button,[tabindex]")) return;
    navigate(`/partners/${id}`);
  };
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="partners-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("partners.fields.name")}</Table.Th>
            <Table.Th>{t("partners.fields.type")}</Table.Th>
            <Table.Th>{t("partners.fields.country")}</Table.Th>
            <Table.Th>{t("partners.fields.status")}</Table.Th>
            <Table.Th>{t("partners.fields.risk")}</Table.Th>
            <Table.Th>{t("partners.fields.certified")}</Table.Th>
            <Table.Th>{t("partners.fields.rescreenDueOn")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((p) => (
            <Table.Tr
              key={p.id}
              className="clickable-row"
              data-testid="partner-row"
              data-partner-id={p.id}
              data-status={p.status}
              onClick={(e) => onRowClick(e, p.id)}
            >
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
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
