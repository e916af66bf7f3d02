import { ActionIcon, Button, Group, Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { InlineError } from "../../components/FormParts";
import { IconX } from "../../components/icons";

interface Props<R extends { key: string }> {
  rows: R[];
  onChange: (rows: R[]) => void;
  /** An empty row for "Add". */
  newRow: () => R;
  /** A problem with the list as a whole. */
  generalError?: string;
  labels: { title: string; none: string; add: string; remove: string };
  testIds: { list: string; row: string; add: string; remove?: string };
  /** "wrap" lets the fields fall under each other on narrow screens; "nowrap" keeps the remove button beside them. */
  wrap: "wrap" | "nowrap";
  /** Lowers the remove button to the inputs' line when the fields carry labels above them. */
  removeOffset?: number;
  /** One row's fields; `update` merges a change into that row. */
  renderFields: (row: R, index: number, update: (patch: Partial<R>) => void) => ReactNode;
}

/** An editable list of rows (a partner's identifiers, its contacts): a titled stack with remove and add buttons. */
export function RowListEditor<R extends { key: string }>(props: Props<R>) {
  const { rows, onChange, labels, testIds } = props;
  const update = (i: number) => (patch: Partial<R>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs" data-testid={testIds.list}>
      <Text size="sm" fw={500}>
        {labels.title}
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {labels.none}
        </Text>
      )}
      {rows.map((row, i) => (
        <Paper key={row.key} withBorder p="xs" data-testid={testIds.row}>
          <Group align="flex-start" gap="xs" wrap={props.wrap}>
            {props.renderFields(row, i, update(i))}
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              mt={props.removeOffset}
              aria-label={labels.remove}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              data-testid={testIds.remove}
            >
              <IconX />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <InlineError message={props.generalError} />
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...rows, props.newRow()])} data-testid={testIds.add}>
          {labels.add}
        </Button>
      </Group>
    </Stack>
  );
}
