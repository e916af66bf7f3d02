import { Anchor, Badge, Group, Paper, Stack, Tabs, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { errorMessage } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { isEditor } from "../../lib/constants";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { PageLoader } from "../shell/AppLayout";
import { useArchiveFramework, useFramework } from "./api";
import { ControlsTable } from "./ControlsTable";
import { CoverageTab } from "./CoverageTab";

export default function FrameworkDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "coverage" ? "coverage" : "controls";
  const framework = useFramework(id);
  const archive = useArchiveFramework(id);

  const back = (
    <Anchor component={Link} to="/frameworks" size="sm">
      ← {t("frameworks.backToList")}
    </Anchor>
  );
  if (framework.isPending) return <PageLoader />;
  if (framework.isError) {
    return (
      <Stack align="flex-start">
        {back}
        <QueryError error={framework.error} onRetry={() => void framework.refetch()} />
      </Stack>
    );
  }
  const f = framework.data;
  const canEdit = isEditor(role) && !f.archivedAt;
  const mappingCount = f.controls.reduce((n, c) => n + c.mappings.length, 0);

  return (
    <Stack gap="lg">
      {back}
      <PageHeader
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
            <ConfirmButton
              variant="light"
              color="red"
              loading={archive.isPending}
              title={t("frameworks.archiveTitle")}
              message={t("frameworks.archiveConfirm", { name: f.name })}
              confirmLabel={t("frameworks.archive")}
              data-testid="framework-archive"
              onConfirm={() =>
                archive.mutate(undefined, {
                  onSuccess: () => notifications.show({ color: "green", message: t("frameworks.archivedDone") }),
                  onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
                })
              }
            >
              {t("frameworks.archive")}
            </ConfirmButton>
          ) : null
        }
      />
      {f.description && <Text size="sm">{f.description}</Text>}
      <Tabs
        value={tab}
        onChange={(v) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (v === "coverage") next.set("tab", "coverage");
              else next.delete("tab");
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
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
    </Stack>
  );
}
