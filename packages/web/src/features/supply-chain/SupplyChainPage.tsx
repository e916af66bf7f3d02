import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function SupplyChainPage() {
  return <Title order={2}>SupplyChainPage</Title>;
}
