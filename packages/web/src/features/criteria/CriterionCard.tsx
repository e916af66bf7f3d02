import { Button, Collapse, Group, Paper, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLang } from "../../lib/useLang";
import type { CriterionView } from "./api";
import { CertaintyBadge, LevelBadge } from "./badges";
import { CriterionDetails } from "./CriterionDetails";

/** One criterion in the library: ID, level, requirement, and its details on demand. */
export function CriterionCard({ criterion }: { criterion: CriterionView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [opened, { toggle }] = useDisclosure(false);
  const detailsId = useId();
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      data-testid="criterion-card"
      data-criterion-id={criterion.id}
      aria-labelledby={`${detailsId}-h`}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text id={`${detailsId}-h`} fw={700} ff="monospace" size="lg" component="h4" m={0}>
            {criterion.id}
          </Text>
          <LevelBadge level={criterion.level} />
          <CertaintyBadge certainty={criterion.certainty} />
          {criterion.yearlyReview && (
            <Text size="xs" c="dimmed">
              {t("criteria.yearlyShort")}
            </Text>
          )}
        </Group>
        <Text size="sm" data-testid="criterion-requirement">
          {criterion.requirement[lang] || criterion.requirement.en}
        </Text>
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={toggle}
            aria-expanded={opened}
            aria-controls={detailsId}
            data-testid="criterion-toggle"
          >
            {opened ? t("criteria.hideDetails") : t("criteria.showDetails")}
          </Button>
        </Group>
        <Collapse in={opened} id={detailsId}>
          {opened && <CriterionDetails criterion={criterion} />}
        </Collapse>
      </Stack>
    </Paper>
  );
}
