import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function LanesPage() {
  return <Title order={2}>LanesPage</Title>;
}
