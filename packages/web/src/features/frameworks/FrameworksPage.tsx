import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function FrameworksPage() {
  return <Title order={2}>FrameworksPage</Title>;
}
