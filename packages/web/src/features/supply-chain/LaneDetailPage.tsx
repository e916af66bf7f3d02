import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { isEditor } from "../../lib/constants";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { AuditHistory } from "../audit/AuditHistory";
import { useCurrentSession } from "../auth/session";
import { PageLoader } from "../shell/AppLayout";
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

  const back = (
    <Anchor component={Link} to="/lanes" size="sm">
      ← {t("lanes.backToList")}
    </Anchor>
  );
  if (lane.isPending) return <PageLoader />;
  if (lane.isError) {
    return (
      <Stack align="flex-start">
        {back}
        <QueryError error={lane.error} onRetry={() => void lane.refetch()} />
      </Stack>
    );
  }

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
        <ConfirmButton
          variant="light"
          color="red"
          loading={archive.isPending}
          data-testid="lane-archive"
          title={t("lanes.archiveTitle")}
          message={t("lanes.archiveConfirm", { name: l.name })}
          confirmLabel={t("lanes.archive")}
          onConfirm={() =>
            archive.mutate(undefined, {
              onSuccess: () => notifications.show({ color: "green", message: t("lanes.archivedDone") }),
              onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
            })
          }
        >
          {t("lanes.archive")}
        </ConfirmButton>
      </>
    ) : null;

  return (
    <Stack gap="lg">
      {back}
      <PageHeader
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
      />
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
    </Stack>
  );
}
