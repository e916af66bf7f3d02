import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function EvidencePage() {
  return <Title order={2}>EvidencePage</Title>;
}
