import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function FrameworkDetailPage() {
  return <Title order={2}>FrameworkDetailPage</Title>;
}
