import { Badge, Button, Group, Paper, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ArchiveButton } from "../../components/ArchiveButton";
import { BackLink, DetailFallback, DetailLayout } from "../../components/DetailLayout";
import { PageLoader } from "../../components/PageLoader";
import { isEditor } from "../../lib/constants";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { AuditHistory } from "../audit/AuditHistory";
import { useCurrentSession } from "../auth/session";
import { type MapNode, useArchiveLane, useLane, useUpdateLane } from "./api";
import { LaneForm } from "./LaneForm";
import { LaneLegsTable } from "./LaneLegsTable";
import { ModeBadges, RouteChips } from "./LaneSummary";
import { PathsPanel } from "./PathsPanel";
import { UncertifiedPanel } from "./UncertifiedPanel";

// The map (Natural Earth shapes, d3-geo) arrives with its own chunk, after the lane's facts.
const LaneMap = lazy(() => import("./LaneMap"));

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="lg" data-testid={testId}>
      <Title order={2} size="h4" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** One lane: route, small map, legs, uncertified partners, edit, "all paths" and history. */
export default function LaneDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const lane = useLane(id);
  const update = useUpdateLane(id);
  const archive = useArchiveLane(id);
  const [editing, setEditing] = useState(false);

  const back = <BackLink to="/lanes">{t("lanes.backToList")}</BackLink>;
  if (lane.isPending || lane.isError) return <DetailFallback query={lane} back={back} />;

  const l = lane.data;
  const openNode = (node: MapNode) => {
    if (node.kind === "site") navigate(`/sites/${node.id.slice("site:".length)}`);
    else if (node.partnerId) navigate(`/partners/${node.partnerId}`);
  };
  const actions =
    canEdit && !l.archived ? (
      <>
        {!editing && (
          <Button variant="default" onClick={() => setEditing(true)} data-testid="lane-edit">
            {t("lanes.edit")}
          </Button>
        )}
        <ArchiveButton
          mutation={archive}
          label={t("lanes.archive")}
          title={t("lanes.archiveTitle")}
          message={t("lanes.archiveConfirm", { name: l.name })}
          doneMessage={t("lanes.archivedDone")}
          data-testid="lane-archive"
        />
      </>
    ) : null;

  return (
    <DetailLayout
      back={back}
      title={l.name}
      description={
        <Group gap="xs" component="span">
          {l.archived && (
            <Badge color="gray" variant="light" component="span">
              {t("lanes.archived")}
            </Badge>
          )}
          {l.externalKey && (
            <Text span ff="monospace" size="sm">
              {l.externalKey}
            </Text>
          )}
          <span>{t("lanes.updatedAt", { date: formatDateTime(l.updatedAt, lang) })}</span>
        </Group>
      }
      actions={actions}
    >
      {l.description && <Text size="sm">{l.description}</Text>}
      <Group gap="sm" align="flex-start" data-testid="lane-summary">
        <RouteChips lane={l} />
        <ModeBadges modes={l.modes} />
      </Group>

      {editing ? (
        <Section title={t("lanes.editTitle")}>
          <LaneForm
            key={l.updatedAt}
            lane={l}
            mode="update"
            submitting={update.isPending}
            error={update.error}
            onCancel={() => {
              update.reset();
              setEditing(false);
            }}
            onSubmit={(body) =>
              update.mutate(body, {
                onSuccess: () => {
                  notifications.show({ color: "green", message: t("common.saved") });
                  setEditing(false);
                },
              })
            }
          />
        </Section>
      ) : (
        <>
          <Suspense fallback={<PageLoader />}>
            <LaneMap lane={l} label={t("lanes.mapLabel", { name: l.name, legs: l.legs.length })} onNodeClick={openNode} />
          </Suspense>
          <Section title={t("lanes.legs")}>
            <LaneLegsTable lane={l} />
          </Section>
        </>
      )}
      <Section title={t("lanes.uncertified.title")} testId="lane-uncertified-section">
        <UncertifiedPanel laneId={l.id} />
      </Section>
      <Section title={t("lanes.paths.title")}>
        <Text size="sm" c="dimmed" mb="sm">
          {t("lanes.paths.help")}
        </Text>
        <PathsPanel known={l.nodes} defaultFrom={l.origin} defaultTo={l.destination} />
      </Section>
      <Section title={t("lanes.history")}>
        <AuditHistory entityType="lane" entityId={l.id} />
      </Section>
    </DetailLayout>
  );
}
