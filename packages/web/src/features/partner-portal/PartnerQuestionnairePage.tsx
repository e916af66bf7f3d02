import { Title } from "@mantine/core";

/** Placeholder until the screen lands: the partner-facing questionnaire (no account, invitation link). */
export default function PartnerQuestionnairePage() {
  return <Title order={2}>PartnerQuestionnairePage</Title>;
}
