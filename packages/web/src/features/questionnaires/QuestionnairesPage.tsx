import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function QuestionnairesPage() {
  return <Title order={2}>QuestionnairesPage</Title>;
}
