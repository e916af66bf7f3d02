import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function PartnersPage() {
  return <Title order={2}>PartnersPage</Title>;
}
