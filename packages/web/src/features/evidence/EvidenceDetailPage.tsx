import { Badge, Button, Group, Paper, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { errorMessage } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { BackLink, DetailFallback, DetailLayout } from "../../components/DetailLayout";
import { isEditor } from "../../lib/constants";
import { formatDate, formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { useArchiveEvidence, useEvidence } from "./api";
import { EvidenceStatusBadge } from "./EvidenceBits";
import { EvidenceLinks } from "./EvidenceLinks";
import { EvidenceMetaForm } from "./EvidenceMetaForm";
import { EvidenceVersions } from "./EvidenceVersions";

/** One evidence item: its metadata, every version with fingerprints, and what it is linked to. */
export default function EvidenceDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const evidence = useEvidence(id);
  const archive = useArchiveEvidence(id);

  const back = <BackLink to="/evidence">{t("evidence.backToList")}</BackLink>;
  if (evidence.isPending || evidence.isError) return <DetailFallback query={evidence} back={back} />;

  const e = evidence.data;
  const onArchive = (value: boolean) =>
    archive.mutate(value, {
      onSuccess: () => notifications.show({ color: "green", message: value ? t("evidence.archivedDone") : t("evidence.restoredDone") }),
      onError: (err) => notifications.show({ color: "red", message: errorMessage(t, err) }),
    });

  const archiveButton = !canEdit ? null : e.archivedAt ? (
    <Button variant="light" onClick={() => onArchive(false)} loading={archive.isPending} data-testid="evidence-restore">
      {t("evidence.restore")}
    </Button>
  ) : (
    <ConfirmButton
      variant="light"
      color="red"
      loading={archive.isPending}
      data-testid="evidence-archive"
      title={t("evidence.archiveConfirmTitle")}
      message={t("evidence.archiveConfirm", { title: e.title })}
      confirmLabel={t("evidence.archive")}
      onConfirm={() => onArchive(true)}
    >
      {t("evidence.archive")}
    </ConfirmButton>
  );

  return (
    <DetailLayout
      back={back}
      title={e.title}
      description={
        <Group gap="xs" component="span">
          <EvidenceStatusBadge status={e.status} />
          {e.archivedAt && (
            <Badge color="gray" variant="outline" component="span">
              {t("evidence.archived")}
            </Badge>
          )}
          <span>{e.expiresOn ? t("evidence.expiresOnDate", { date: formatDate(e.expiresOn, lang) }) : t("evidence.noExpiry")}</span>
          <span>· {t("evidence.updatedAt", { date: formatDateTime(e.updatedAt, lang) })}</span>
        </Group>
      }
      actions={archiveButton}
    >
      {e.archivedAt && (
        <Text size="sm" c="dimmed">
          {t("evidence.archivedNote", { date: formatDateTime(e.archivedAt, lang) })}
        </Text>
      )}
      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="md">
          {t("evidence.details")}
        </Title>
        <EvidenceMetaForm key={e.updatedAt} evidence={e} readOnly={!canEdit || !!e.archivedAt} />
      </Paper>
      <Paper withBorder p="lg">
        <EvidenceVersions evidence={e} canEdit={canEdit} />
      </Paper>
      <Paper withBorder p="lg">
        <EvidenceLinks evidence={e} canEdit={canEdit && !e.archivedAt} />
      </Paper>
    </DetailLayout>
  );
}
