import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function ReviewComparePage() {
  return <Title order={2}>ReviewComparePage</Title>;
}
