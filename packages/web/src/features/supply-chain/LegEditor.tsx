import { ActionIcon, Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type AtRestValues, emptyLeg, type LegErrors, type LegValues, type NodeLabels, newKey } from "./laneForm";
import { NodePicker } from "./NodePicker";
import { LANE_MODES, type LaneMode } from "./nodes";
import { PartnerSelect } from "./PartnerSelect";

interface Props {
  legs: LegValues[];
  onChange: (legs: LegValues[]) => void;
  errors: Record<number, LegErrors>;
  labels: NodeLabels;
  onLabel: (facts: NodeLabels[string]) => void;
  disabled?: boolean;
}

/**
 * The legs of a lane, in order. A new leg starts where the previous one ends, and changing a leg's destination
 * moves the next leg's start along with it, so the chain stays connected unless the user breaks it on purpose.
 */
export function LegEditor({ legs, onChange, errors, labels, onLabel, disabled }: Props) {
  const { t } = useTranslation();

  const update = (i: number, patch: Partial<LegValues>) => {
    const next = legs.map((l, j) => (j === i ? { ...l, ...patch } : l));
    const following = next[i + 1];
    if ("to" in patch && following && (following.from === null || following.from === legs[i]?.to)) {
      next[i + 1] = { ...following, from: patch.to ?? null };
    }
    onChange(next);
  };
  const remove = (i: number) => onChange(legs.filter((_, j) => j !== i));
  const move = (i: number, by: -1 | 1) => {
    const next = [...legs];
    const [leg] = next.splice(i, 1);
    if (leg) next.splice(i + by, 0, leg);
    onChange(next);
  };
  const setAtRest = (i: number, atRest: AtRestValues[]) => update(i, { atRest });
  const pickNode = (facts: NodeLabels[string] | null) => facts && onLabel(facts);

  return (
    <Stack gap="sm" data-testid="leg-editor">
      {legs.map((leg, i) => {
        const err = errors[i] ?? {};
        return (
          <Paper
            key={leg.key}
            withBorder
            p="sm"
            data-testid="leg-row"
            data-leg-index={i}
            data-invalid={Object.keys(err).length > 0 || undefined}
          >
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5">
                {t("lanes.leg", { n: i + 1 })}
              </Title>
              <Group gap={4}>
                <ActionIcon
                  variant="subtle"
                  onClick={() => move(i, -1)}
                  disabled={disabled || i === 0}
                  aria-label={t("lanes.moveUp", { n: i + 1 })}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  onClick={() => move(i, 1)}
                  disabled={disabled || i === legs.length - 1}
                  aria-label={t("lanes.moveDown", { n: i + 1 })}
                >
                  ↓
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => remove(i)}
                  disabled={disabled || legs.length === 1}
                  aria-label={t("lanes.removeLeg", { n: i + 1 })}
                  data-testid="leg-remove"
                >
                  ✕
                </ActionIcon>
              </Group>
            </Group>
            {err._leg && (
              <Alert color="red" py={6} mb="xs" role="alert" data-testid="leg-error">
                {err._leg}
              </Alert>
            )}
            <Stack gap="xs">
              <NodePicker
                label={t("lanes.from")}
                value={leg.from}
                known={leg.from ? labels[leg.from] : undefined}
                onChange={(key, facts) => {
                  pickNode(facts);
                  update(i, { from: key });
                }}
                error={err.from}
                testId="leg-from"
                defaultKind={i === 0 ? "site" : "port"}
              />
              <NodePicker
                label={t("lanes.to")}
                value={leg.to}
                known={leg.to ? labels[leg.to] : undefined}
                onChange={(key, facts) => {
                  pickNode(facts);
                  update(i, { to: key });
                }}
                error={err.to}
                testId="leg-to"
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <Select
                  label={t("supplyChain.fields.mode")}
                  data={LANE_MODES.map((m) => ({ value: m, label: t(`supplyChain.modes.${m}`) }))}
                  value={leg.mode}
                  onChange={(m) => update(i, { mode: m as LaneMode | null })}
                  error={err.mode}
                  withAsterisk
                  data-testid="leg-mode"
                />
                <PartnerSelect
                  label={t("lanes.carrier")}
                  placeholder={t("lanes.noCarrier")}
                  value={leg.carrierPartnerId}
                  knownName={leg.carrierName}
                  onChange={(id, name) => update(i, { carrierPartnerId: id, carrierName: name })}
                  error={err.carrier}
                  data-testid="leg-carrier"
                />
              </SimpleGrid>
              <AtRestList
                points={leg.atRest}
                onChange={(a) => setAtRest(i, a)}
                labels={labels}
                onLabel={onLabel}
                error={err.atRest}
                disabled={disabled}
              />
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="light"
          onClick={() => onChange([...legs, emptyLeg(legs[legs.length - 1]?.to ?? null)])}
          disabled={disabled}
          data-testid="leg-add"
        >
          {t("lanes.addLeg")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Places where the goods wait during a leg (yards, warehouses, terminals), each with a note. */
function AtRestList(props: {
  points: AtRestValues[];
  onChange: (points: AtRestValues[]) => void;
  labels: NodeLabels;
  onLabel: (facts: NodeLabels[string]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { points, onChange, labels, onLabel, error, disabled } = props;
  const set = (key: string, patch: Partial<AtRestValues>) => onChange(points.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t("lanes.atRest")}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => onChange([...points, { key: newKey(), node: null, description: "" }])}
          disabled={disabled || points.length >= 20}
          data-testid="leg-at-rest-add"
        >
          {t("lanes.addAtRest")}
        </Button>
      </Group>
      {points.length === 0 && (
        <Text size="xs" c="dimmed">
          {t("lanes.noAtRest")}
        </Text>
      )}
      {points.map((p, j) => (
        <Paper key={p.key} bg="var(--mantine-color-default-hover)" p="xs" data-testid="leg-at-rest-row">
          <Stack gap={6}>
            <NodePicker
              label={t("lanes.atRestPlace", { n: j + 1 })}
              value={p.node}
              known={p.node ? labels[p.node] : undefined}
              onChange={(key, facts) => {
                if (facts) onLabel(facts);
                set(p.key, { node: key });
              }}
              testId="leg-at-rest-node"
              defaultKind="site"
            />
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label={t("lanes.atRestDescription")}
                value={p.description}
                onChange={(e) => set(p.key, { description: e.currentTarget.value })}
                maxLength={500}
                flex={1}
              />
              <Button variant="subtle" color="red" onClick={() => onChange(points.filter((x) => x.key !== p.key))} disabled={disabled}>
                {t("lanes.remove")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
