import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function PartnerDetailPage() {
  return <Title order={2}>PartnerDetailPage</Title>;
}
