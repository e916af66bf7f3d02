import { Anchor, Badge, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { Lane, UncertifiedPartner } from "./api";
import { laneCarriers, ModeBadges, RouteChips } from "./LaneSummary";

/** Lanes with their route as chips, modes, carriers and a warning when partners on them are not certified. */
export function LanesTable({ lanes, uncertified }: { lanes: Lane[]; uncertified: ReadonlyMap<string, UncertifiedPartner[]> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const onRowClick = (e: MouseEvent, id: string) => {
    if ((e.target as HTMLElement).closest("a, button, [tabindex]")) return;
    navigate(`/lanes/${id}`);
  };

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="lanes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("lanes.fields.name")}</Table.Th>
            <Table.Th>{t("lanes.route")}</Table.Th>
            <Table.Th>{t("lanes.modes")}</Table.Th>
            <Table.Th>{t("lanes.carriers")}</Table.Th>
            <Table.Th>{t("lanes.certification")}</Table.Th>
            <Table.Th>{t("common.updated")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lanes.map((lane) => {
            const partners = uncertified.get(lane.id) ?? [];
            const carriers = laneCarriers(lane);
            return (
              <Table.Tr
                key={lane.id}
                className="clickable-row"
                data-testid="lane-row"
                data-lane-id={lane.id}
                onClick={(e) => onRowClick(e, lane.id)}
              >
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
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
