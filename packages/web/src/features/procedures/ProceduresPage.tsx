import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function ProceduresPage() {
  return <Title order={2}>ProceduresPage</Title>;
}
