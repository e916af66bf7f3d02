import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function LaneDetailPage() {
  return <Title order={2}>LaneDetailPage</Title>;
}
