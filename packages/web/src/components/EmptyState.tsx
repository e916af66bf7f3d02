import { Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * What a list is for, shown while it has nothing yet: an icon, a title and an explanation, then `children`
 * (examples, the first action, or who can take it).
 */
export function EmptyState({
  icon,
  title,
  body,
  maw = 560,
  children,
  "data-testid": testId,
}: {
  icon: ReactNode;
  title: string;
  body: string;
  maw?: number;
  children?: ReactNode;
  "data-testid": string;
}) {
  return (
    <Paper withBorder p="xl" data-testid={testId}>
      <Stack align="center" ta="center" gap="sm" maw={maw} mx="auto">
        <ThemeIcon size={48} radius="xl" variant="light">
          {icon}
        </ThemeIcon>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text c="dimmed">{body}</Text>
        {children}
      </Stack>
    </Paper>
  );
}
