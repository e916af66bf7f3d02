import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function CriteriaPage() {
  return <Title order={2}>CriteriaPage</Title>;
}
