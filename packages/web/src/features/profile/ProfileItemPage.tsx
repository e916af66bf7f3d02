import { Anchor, Button, Collapse, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { isEditor } from "../../lib/constants";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { pickLang, useCriteriaCatalog, useCriterion } from "../criteria/api";
import { CertaintyBadge, LevelBadge } from "../criteria/badges";
import { CriterionDetails, GuidanceBlock, ProvenanceBlock } from "../criteria/CriterionDetails";
import { useProfileItem } from "./api";
import { EvidencePanel, ProceduresPanel } from "./EvidencePanel";
import { ProfileItemForm } from "./ProfileItemForm";
import { StatusBadge } from "./status";

export default function ProfileItemPage() {
  const { criterionId = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const item = useProfileItem(criterionId);
  const criterion = useCriterion(criterionId);
  const catalog = useCriteriaCatalog();
  const [opened, { toggle }] = useDisclosure(false);
  const moreId = useId();

  const back = (
    <Anchor component={Link} to="/profile" size="sm">
      ← {t("profile.backToList")}
    </Anchor>
  );
  if (item.isPending) return <PageLoader />;
  if (item.isError) {
    return (
      <Stack align="flex-start">
        {back}
        <QueryError error={item.error} onRetry={() => void item.refetch()} />
      </Stack>
    );
  }

  const it = item.data;
  const category = catalog.data?.categories.find((c) => c.id === it.categoryId);
  return (
    <Stack gap="lg">
      {back}
      <PageHeader
        title={t("profile.itemTitle", { id: it.criterionId })}
        description={category ? `${category.id}. ${pickLang(category.name, lang)}` : undefined}
        actions={
          <Group gap="xs">
            <LevelBadge level={it.level} size="lg" />
            <StatusBadge status={it.status} size="lg" data-testid="profile-item-status-badge" />
          </Group>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg">
              <Group gap="xs" mb="xs">
                <Title order={2} size="h4">
                  {t("profile.requirement")}
                </Title>
                <CertaintyBadge certainty={it.certainty} />
              </Group>
              <Text data-testid="profile-item-requirement">{it.requirement[lang] || it.requirement.en}</Text>
              <Stack mt="md" gap="md">
                {criterion.data ? (
                  <>
                    <GuidanceBlock criterion={criterion.data} />
                    <Group>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={toggle}
                        aria-expanded={opened}
                        aria-controls={moreId}
                        data-testid="profile-item-more"
                      >
                        {opened ? t("criteria.hideDetails") : t("profile.moreDetails")}
                      </Button>
                    </Group>
                    <Collapse in={opened} id={moreId}>
                      {opened && <CriterionDetails criterion={criterion.data} withGuidance={false} />}
                    </Collapse>
                  </>
                ) : criterion.isError ? (
                  <ProvenanceBlock provenance={it.provenance} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("common.loading")}
                  </Text>
                )}
              </Stack>
            </Paper>
            <Paper withBorder p="lg">
              <Title order={2} size="h4" mb="md">
                {t("profile.assessment")}
              </Title>
              <ProfileItemForm key={it.updatedAt ?? "new"} item={it} canEdit={canEdit} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <EvidencePanel criterionId={it.criterionId} evidence={it.evidence ?? []} canEdit={canEdit} />
            <ProceduresPanel procedures={it.procedures ?? []} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
