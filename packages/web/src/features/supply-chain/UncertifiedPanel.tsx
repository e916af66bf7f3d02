import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { countryName } from "../../lib/countries";
import { useLang } from "../../lib/useLang";
import { useUncertified } from "./api";
import { CERTIFIED_COLORS, RISK_COLORS } from "./palette";

/** Partners on one lane (sites, at-rest points or carriers) without an active CTPAT or MRA certification. */
export function UncertifiedPanel({ laneId }: { laneId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useUncertified(laneId);
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="lane-uncertified-none">
        {t("lanes.uncertified.none")}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" data-testid="lane-uncertified-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("lanes.partner")}</Table.Th>
            <Table.Th>{t("supplyChain.fields.certified")}</Table.Th>
            <Table.Th>{t("lanes.uncertified.roles")}</Table.Th>
            <Table.Th>{t("supplyChain.fields.country")}</Table.Th>
            <Table.Th>{t("supplyChain.fields.risk")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.items.map((p) => (
            <Table.Tr key={p.id} data-testid="lane-uncertified-row" data-certified={p.certified}>
              <Table.Td>
                <Anchor component={Link} to={`/partners/${p.id}`} size="sm">
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge color={CERTIFIED_COLORS[p.certified]} variant="light">
                  {t(`supplyChain.certified.${p.certified}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {p.roles.map((r) => (
                    <Badge key={r} size="sm" variant="default" tt="none">
                      {t(`lanes.uncertified.role.${r}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{countryName(p.countryCode, lang)}</Table.Td>
              <Table.Td>
                <Badge size="sm" color={RISK_COLORS[p.risk] ?? "gray"} variant="light">
                  {t(`supplyChain.risk.${p.risk}`, p.risk)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
