import { Badge, Group, Paper, Tabs, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ArchiveButton } from "../../components/ArchiveButton";
import { BackLink, DetailFallback, DetailLayout } from "../../components/DetailLayout";
import { isEditor } from "../../lib/constants";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useTabParam } from "../../lib/useTabParam";
import { useCurrentSession } from "../auth/session";
import { useArchiveFramework, useFramework } from "./api";
import { ControlsTable } from "./ControlsTable";
import { CoverageTab } from "./CoverageTab";

const TABS = ["controls", "coverage"] as const;

/** One imported framework: its controls with their mappings to the CBP criteria, and the coverage it gives. */
export default function FrameworkDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useCurrentSession();
  const [tab, setTab] = useTabParam(TABS);
  const framework = useFramework(id);
  const archive = useArchiveFramework(id);

  const back = <BackLink to="/frameworks">{t("frameworks.backToList")}</BackLink>;
  if (framework.isPending || framework.isError) return <DetailFallback query={framework} back={back} />;
  const f = framework.data;
  const canEdit = isEditor(role) && !f.archivedAt;
  const mappingCount = f.controls.reduce((n, c) => n + c.mappings.length, 0);

  return (
    <DetailLayout
      back={back}
      title={f.version ? `${f.name} (${f.version})` : f.name}
      description={
        <Group gap="xs" component="span">
          {f.archivedAt && (
            <Badge color="gray" variant="light" component="span">
              {t("frameworks.archived")}
            </Badge>
          )}
          <span>
            {t("frameworks.summary", { controls: f.controls.length, mappings: mappingCount, date: formatDateTime(f.createdAt, lang) })}
          </span>
        </Group>
      }
      actions={
        canEdit ? (
          <ArchiveButton
            mutation={archive}
            label={t("frameworks.archive")}
            title={t("frameworks.archiveTitle")}
            message={t("frameworks.archiveConfirm", { name: f.name })}
            doneMessage={t("frameworks.archivedDone")}
            data-testid="framework-archive"
          />
        ) : null
      }
    >
      {f.description && <Text size="sm">{f.description}</Text>}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="controls" data-testid="framework-tab-controls">
            {t("frameworks.tabs.controls")}
          </Tabs.Tab>
          <Tabs.Tab value="coverage" data-testid="framework-tab-coverage">
            {t("frameworks.tabs.coverage")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="controls" pt="md">
          <Paper withBorder p="md">
            <ControlsTable frameworkId={f.id} controls={f.controls} canEdit={canEdit} />
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="coverage" pt="md">
          <CoverageTab frameworkId={f.id} />
        </Tabs.Panel>
      </Tabs>
    </DetailLayout>
  );
}
