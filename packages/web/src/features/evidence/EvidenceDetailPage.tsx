import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function EvidenceDetailPage() {
  return <Title order={2}>EvidenceDetailPage</Title>;
}
