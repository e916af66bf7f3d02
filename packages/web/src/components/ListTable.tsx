import { Table, type TableTrProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";

/** A list's table: scrolls sideways below `minWidth`, one header cell per column label, the rows as children. */
export function ListTable({
  columns,
  minWidth,
  children,
  "data-testid": testId,
}: {
  columns: string[];
  minWidth: number;
  children: ReactNode;
  "data-testid": string;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table highlightOnHover verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((label) => (
              <Table.Th key={label}>{label}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Links, buttons and focusable badges in a row keep their own clicks. */
const INTERACTIVE = "a,button,[tabindex]";

/**
 * A row that opens `to` when clicked. The row's main cell should also hold a real link to `to`, for keyboards,
 * middle clicks and new tabs; that link and any other control in the row handle their own clicks.
 */
export function LinkRow({ to, children, ...rest }: TableTrProps & { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Table.Tr
      className="clickable-row"
      onClick={(e) => {
        // Only controls inside the row count: the page's <main tabindex="-1"> would match every click.
        const control = (e.target as HTMLElement).closest(INTERACTIVE);
        if (control && e.currentTarget.contains(control)) return;
        navigate(to);
      }}
      {...rest}
    >
      {children}
    </Table.Tr>
  );
}
