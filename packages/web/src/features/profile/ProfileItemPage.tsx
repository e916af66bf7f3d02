import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function ProfileItemPage() {
  return <Title order={2}>ProfileItemPage</Title>;
}
