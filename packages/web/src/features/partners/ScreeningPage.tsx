import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function ScreeningPage() {
  return <Title order={2}>ScreeningPage</Title>;
}
