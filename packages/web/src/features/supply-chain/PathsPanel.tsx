import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { type NodeInfo, type PathHop, usePaths } from "./api";
import { NodeChip } from "./LaneSummary";
import type { NodeLabels } from "./laneForm";
import { NodePicker } from "./NodePicker";

const SHOWN = 25;

/**
 * "All paths": every simple route between two nodes over the legs of all live lanes (the server caps it at
 * 1,000). The ends are kept in the URL (`from`, `to`) so a result can be shared.
 */
export function PathsPanel({
  known,
  defaultFrom,
  defaultTo,
}: {
  known: readonly NodeInfo[];
  defaultFrom: string | null;
  defaultTo: string | null;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = params.get("from") ?? defaultFrom;
  const to = params.get("to") ?? defaultTo;
  const [labels, setLabels] = useState<NodeLabels>(() => Object.fromEntries(known.map((n) => [n.id, n])));
  const [asked, setAsked] = useState(params.has("from") || params.has("to"));
  const [limit, setLimit] = useState(SHOWN);
  const paths = usePaths(asked ? from : null, asked ? to : null);

  const set = (key: "from" | "to", value: string | null) => {
    setAsked(false);
    setLimit(SHOWN);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set("from", key === "from" ? (value ?? "") : (from ?? ""));
        next.set("to", key === "to" ? (value ?? "") : (to ?? ""));
        return next;
      },
      { replace: true },
    );
  };

  const hops = useMemo(() => new Map((paths.data?.hops ?? []).map((h) => [`${h.from}\n${h.to}`, h])), [paths.data]);
  const nodes = useMemo(() => new Map((paths.data?.nodes ?? []).map((n) => [n.id, n])), [paths.data]);

  return (
    <Stack gap="sm" data-testid="paths-panel">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {(["from", "to"] as const).map((end) => {
          const value = end === "from" ? from : to;
          return (
            <NodePicker
              key={end}
              label={t(`lanes.paths.${end}`)}
              value={value || null}
              known={value ? labels[value] : undefined}
              onChange={(key, facts) => {
                if (facts) setLabels((prev) => ({ ...prev, [facts.id]: { ...prev[facts.id], ...facts } }));
                set(end, key);
              }}
              testId={`paths-${end}`}
            />
          );
        })}
      </SimpleGrid>
      <Group>
        <Button onClick={() => setAsked(true)} disabled={!from || !to || from === to} data-testid="paths-find">
          {t("lanes.paths.find")}
        </Button>
        {from && to && from === to && (
          <Text size="sm" c="dimmed">
            {t("lanes.paths.sameEnds")}
          </Text>
        )}
      </Group>
      {asked &&
        from &&
        to &&
        from !== to &&
        (paths.isPending ? (
          <PageLoader />
        ) : paths.isError ? (
          <QueryError error={paths.error} />
        ) : (
          <Stack gap="xs">
            <Text size="sm" aria-live="polite" data-testid="paths-count" data-total={paths.data.total}>
              {t("lanes.paths.found", { count: paths.data.total })}
            </Text>
            {paths.data.truncated && (
              <Alert color="yellow" py={6}>
                {t("lanes.paths.truncated", { count: paths.data.total })}
              </Alert>
            )}
            {paths.data.paths.slice(0, limit).map((path) => (
              <Paper key={path.join(" ")} withBorder p="xs" data-testid="paths-row" data-stops={path.length}>
                <Group gap={4} wrap="wrap">
                  {path.map((key, i) => (
                    <Group key={key} gap={4} wrap="nowrap">
                      {i > 0 && <HopArrow hop={hops.get(`${path[i - 1]}\n${key}`)} />}
                      <NodeChip node={nodes.get(key)} fallback={key} />
                    </Group>
                  ))}
                </Group>
              </Paper>
            ))}
            {paths.data.paths.length > limit && (
              <Button variant="subtle" onClick={() => setLimit((n) => n + SHOWN * 4)} data-testid="paths-more">
                {t("lanes.paths.showMore", { count: paths.data.paths.length - limit })}
              </Button>
            )}
          </Stack>
        ))}
    </Stack>
  );
}

/** The arrow between two stops, naming the lanes that run that hop (and a link to the first few). */
function HopArrow({ hop }: { hop: PathHop | undefined }) {
  const { t } = useTranslation();
  if (!hop)
    return (
      <Text span c="dimmed">
        →
      </Text>
    );
  return (
    <Group gap={2} wrap="nowrap">
      <Text span c="dimmed" aria-hidden>
        →
      </Text>
      <Badge size="xs" variant="outline" color="gray" tt="none" title={hop.lanes.map((l) => l.name).join(", ")}>
        {hop.laneCount === 1 && hop.lanes[0] ? (
          <Anchor component={Link} to={`/lanes/${hop.lanes[0].id}`} size="xs" inherit>
            {hop.lanes[0].name}
          </Anchor>
        ) : (
          t("lanes.paths.laneCount", { count: hop.laneCount })
        )}
      </Badge>
    </Group>
  );
}
