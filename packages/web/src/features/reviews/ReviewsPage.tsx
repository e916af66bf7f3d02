import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function ReviewsPage() {
  return <Title order={2}>ReviewsPage</Title>;
}
