import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function SecurityProfilePage() {
  return <Title order={2}>SecurityProfilePage</Title>;
}
