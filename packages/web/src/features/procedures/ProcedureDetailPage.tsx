import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function ProcedureDetailPage() {
  return <Title order={2}>ProcedureDetailPage</Title>;
}
