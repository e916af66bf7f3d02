import { Anchor, Card, List, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export interface Step {
  key: string;
  to: string;
  label: string;
  hint?: string;
}

/** Suggested actions for an incomplete program; a short "all set" note when there are none. */
export function NextSteps({ steps }: { steps: Step[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid="next-steps">
      <Title order={2} size="h4" mb="sm">
        {t("dashboard.nextSteps.title")}
      </Title>
      {steps.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("dashboard.nextSteps.allSet")}
        </Text>
      ) : (
        <List spacing="sm">
          {steps.map((s) => (
            <List.Item key={s.key}>
              <Anchor component={Link} to={s.to} fw={500} data-testid={`next-step-${s.key}`}>
                {s.label}
              </Anchor>
              {s.hint && (
                <Text size="sm" c="dimmed">
                  {s.hint}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
