import { Title } from "@mantine/core";

/** Placeholder until the screen lands. */
export default function QuestionnaireDetailPage() {
  return <Title order={2}>QuestionnaireDetailPage</Title>;
}
