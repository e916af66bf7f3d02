import { Badge, Button, Group, Paper, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { errorMessage } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { BackLink, DetailFallback, DetailLayout } from "../../components/DetailLayout";
import { isEditor } from "../../lib/constants";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { AuditHistory } from "../audit/AuditHistory";
import { useCurrentSession } from "../auth/session";
import { useArchiveSite, useSite, useUpdateSite } from "./api";
import { SiteForm } from "./SiteForm";

/** One of the company's sites: its details (editable by editors), archive or restore, and its history. */
export default function SiteDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const site = useSite(id);
  const update = useUpdateSite(id);
  const archive = useArchiveSite(id);

  const back = <BackLink to="/sites">{t("sites.backToList")}</BackLink>;
  if (site.isPending || site.isError) return <DetailFallback query={site} back={back} />;

  const s = site.data;
  const onArchive = (value: boolean) =>
    archive.mutate(value, {
      onSuccess: () => notifications.show({ color: "green", message: value ? t("sites.archivedDone") : t("sites.restoredDone") }),
      onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
    });

  const archiveButton = !canEdit ? null : s.archived ? (
    <Button variant="light" onClick={() => onArchive(false)} loading={archive.isPending} data-testid="site-restore">
      {t("sites.restore")}
    </Button>
  ) : (
    <ConfirmButton
      variant="light"
      color="red"
      loading={archive.isPending}
      data-testid="site-archive"
      title={t("sites.archiveConfirmTitle")}
      message={t("sites.archiveConfirm", { name: s.name })}
      confirmLabel={t("sites.archive")}
      onConfirm={() => onArchive(true)}
    >
      {t("sites.archive")}
    </ConfirmButton>
  );

  return (
    <DetailLayout
      back={back}
      title={s.name}
      description={
        <Group gap="xs" component="span">
          <Badge color={s.archived ? "gray" : "green"} variant="light" component="span">
            {s.archived ? t("sites.archived") : t("sites.active")}
          </Badge>
          <span>{t("sites.updatedAt", { date: formatDateTime(s.updatedAt, lang) })}</span>
        </Group>
      }
      actions={archiveButton}
    >
      {s.archived && (
        <Text size="sm" c="dimmed">
          {t("sites.archivedNote", { date: formatDateTime(s.archivedAt, lang) })}
        </Text>
      )}
      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="md">
          {t("sites.details")}
        </Title>
        <SiteForm
          key={s.updatedAt}
          site={s}
          mode="update"
          readOnly={!canEdit}
          submitting={update.isPending}
          error={update.error}
          onSubmit={(body) =>
            update.mutate(body, {
              onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }),
            })
          }
        />
      </Paper>
      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="md">
          {t("sites.history")}
        </Title>
        <AuditHistory entityType="site" entityId={s.id} />
      </Paper>
    </DetailLayout>
  );
}
