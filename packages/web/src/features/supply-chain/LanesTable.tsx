import { Anchor, Badge, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LinkRow, ListTable } from "../../components/ListTable";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { Lane, UncertifiedPartner } from "./api";
import { laneCarriers, ModeBadges, RouteChips } from "./LaneSummary";

/** Lanes with their route as chips, modes, carriers and a warning when partners on them are not certified. */
export function LanesTable({ lanes, uncertified }: { lanes: Lane[]; uncertified: ReadonlyMap<string, UncertifiedPartner[]> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns = [
    t("lanes.fields.name"),
    t("lanes.route"),
    t("lanes.modes"),
    t("lanes.carriers"),
    t("lanes.certification"),
    t("common.updated"),
  ];

  return (
    <ListTable columns={columns} minWidth={820} data-testid="lanes-table">
      {lanes.map((lane) => {
        const partners = uncertified.get(lane.id) ?? [];
        const carriers = laneCarriers(lane);
        return (
          <LinkRow key={lane.id} to={`/lanes/${lane.id}`} data-testid="lane-row" data-lane-id={lane.id}>
            <Table.Td maw={240}>
              <Stack gap={2}>
                <Anchor component={Link} to={`/lanes/${lane.id}`} fw={500}>
                  {lane.name}
                </Anchor>
                {lane.externalKey && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {lane.externalKey}
                  </Text>
                )}
                {lane.archived && (
                  <Badge size="xs" color="gray" variant="light">
                    {t("lanes.archived")}
                  </Badge>
                )}
              </Stack>
            </Table.Td>
            <Table.Td maw={380}>
              <RouteChips lane={lane} />
            </Table.Td>
            <Table.Td>
              <ModeBadges modes={lane.modes} />
            </Table.Td>
            <Table.Td maw={200}>
              <Text size="sm" lineClamp={2}>
                {carriers.length ? carriers.map((c) => c.name).join(", ") : "—"}
              </Text>
            </Table.Td>
            <Table.Td>
              {partners.length > 0 ? (
                <Tooltip
                  label={partners.map((p) => `${p.name} (${t(`supplyChain.certified.${p.certified}`)})`).join(", ")}
                  multiline
                  maw={320}
                >
                  <Badge color="orange" variant="light" tabIndex={0} data-testid="lane-uncertified" data-count={partners.length}>
                    ⚠ {t("lanes.uncertifiedCount", { count: partners.length })}
                  </Badge>
                </Tooltip>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("lanes.allCertified")}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Text size="sm">{formatDateTime(lane.updatedAt, lang)}</Text>
              </Group>
            </Table.Td>
          </LinkRow>
        );
      })}
    </ListTable>
  );
}
