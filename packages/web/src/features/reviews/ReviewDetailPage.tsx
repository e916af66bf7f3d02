import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function ReviewDetailPage() {
  return <Title order={2}>ReviewDetailPage</Title>;
}
