import { Anchor, Badge, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Site } from "../../api/types";
import { LinkRow, ListTable } from "../../components/ListTable";
import { countryName } from "../../lib/countries";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";

/** The company's sites; a row click opens the site, the name is a real link for keyboards and new tabs. */
export function SitesTable({ sites }: { sites: Site[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns = [
    t("sites.fields.name"),
    t("sites.fields.kind"),
    t("sites.fields.country"),
    t("sites.fields.address"),
    t("sites.fields.status"),
    t("common.updated"),
  ];

  return (
    <ListTable columns={columns} minWidth={640} data-testid="sites-table">
      {sites.map((s) => (
        <LinkRow key={s.id} to={`/sites/${s.id}`} data-testid="site-row">
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
        </LinkRow>
      ))}
    </ListTable>
  );
}
