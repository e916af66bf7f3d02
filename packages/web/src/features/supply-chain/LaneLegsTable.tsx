import { Anchor, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Lane } from "./api";
import { ModeBadges, NodeChip, nodeLabel } from "./LaneSummary";

/** The legs of a lane as a table: also the text alternative of the lane's small map. */
export function LaneLegsTable({ lane }: { lane: Lane }) {
  const { t } = useTranslation();
  const node = (key: string) => <NodeChip node={lane.nodes.find((n) => n.id === key)} fallback={key} />;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" data-testid="lane-legs" aria-label={t("lanes.legsTableLabel")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t("lanes.from")}</Table.Th>
            <Table.Th>{t("lanes.to")}</Table.Th>
            <Table.Th>{t("supplyChain.fields.mode")}</Table.Th>
            <Table.Th>{t("lanes.carrier")}</Table.Th>
            <Table.Th>{t("lanes.atRest")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lane.legs.map((leg) => (
            <Table.Tr key={leg.seq} data-testid="lane-leg-row" data-seq={leg.seq}>
              <Table.Td>{leg.seq}</Table.Td>
              <Table.Td>{node(leg.from)}</Table.Td>
              <Table.Td>{node(leg.to)}</Table.Td>
              <Table.Td>
                <ModeBadges modes={[leg.mode]} />
              </Table.Td>
              <Table.Td>
                {leg.carrier ? (
                  <Anchor component={Link} to={`/partners/${leg.carrier.id}`} size="sm">
                    {leg.carrier.name}
                  </Anchor>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td>
                {leg.atRest.length === 0 ? (
                  "—"
                ) : (
                  <Stack gap={2}>
                    {leg.atRest.map((a) => (
                      <Text key={a.node} size="sm">
                        {nodeLabel(lane.nodes, a.node)}
                        {a.description ? ` — ${a.description}` : ""}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
