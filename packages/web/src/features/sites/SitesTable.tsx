import { Anchor, Badge, Table } from "@mantine/core";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { Site } from "../../api/types";
import { countryName } from "../../lib/countries";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";

export function SitesTable({ sites }: { sites: Site[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();

  const onRowClick = (e: MouseEvent, id: string) => {
    // The name link handles its own clicks (and middle/ctrl clicks); the rest of the row navigates.
    if ((e.target as HTMLElement).closest("a")) return;
    navigate(`/sites/${id}`);
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="sites-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("sites.fields.name")}</Table.Th>
            <Table.Th>{t("sites.fields.kind")}</Table.Th>
            <Table.Th>{t("sites.fields.country")}</Table.Th>
            <Table.Th>{t("sites.fields.address")}</Table.Th>
            <Table.Th>{t("sites.fields.status")}</Table.Th>
            <Table.Th>{t("common.updated")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sites.map((s) => (
            <Table.Tr key={s.id} className="clickable-row" data-testid="site-row" onClick={(e) => onRowClick(e, s.id)}>
              <Table.Td>
                <Anchor component={Link} to={`/sites/${s.id}`} fw={500}>
                  {s.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`siteKinds.${s.kind}`)}</Table.Td>
              <Table.Td>{countryName(s.countryCode, lang)}</Table.Td>
              <Table.Td maw={260} style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
                {s.address ?? ""}
              </Table.Td>
              <Table.Td>
                {s.archived ? (
                  <Badge color="gray" variant="light">
                    {t("sites.archived")}
                  </Badge>
                ) : (
                  <Badge color="green" variant="light">
                    {t("sites.active")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{formatDateTime(s.updatedAt, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
