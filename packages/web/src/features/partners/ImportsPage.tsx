import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function ImportsPage() {
  return <Title order={2}>ImportsPage</Title>;
}
