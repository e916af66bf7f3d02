import { Anchor, Badge, Code, Divider, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { LinkedEvidence, LinkedProcedure } from "./api";
import { EvidenceLinker } from "./EvidenceLinker";
import { EvidenceUpload } from "./EvidenceUpload";
import { useEvidenceLink } from "./evidence-api";

const EVIDENCE_STATUS_COLOR: Record<LinkedEvidence["status"], string> = {
  valid: "green",
  expiring: "orange",
  expired: "red",
  "no-expiry": "gray",
};

function EvidenceRow({ ev, criterionId, canEdit }: { ev: LinkedEvidence; criterionId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const unlink = useEvidenceLink(criterionId);
  return (
    <Stack gap={2} component="li" data-testid="profile-evidence-row" data-evidence-id={ev.id}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Anchor component={Link} to={`/evidence/${ev.id}`} fw={500} size="sm" style={{ wordBreak: "break-word" }}>
          {ev.title}
        </Anchor>
        <Badge size="sm" variant="light" color={EVIDENCE_STATUS_COLOR[ev.status] ?? "gray"}>
          {t(`profile.evidence.status.${ev.status}`, { defaultValue: ev.status })}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
        {ev.filename ? `${ev.filename} · ` : ""}v{ev.currentVersion}
        {ev.expiresOn ? ` · ${t("profile.evidence.expires", { date: formatDate(ev.expiresOn, lang) })}` : ""}
      </Text>
      <Group justify="space-between" gap="xs">
        {ev.sha256 ? (
          <Code title={ev.sha256} fz="xs">
            SHA-256 {ev.sha256.slice(0, 16)}…
          </Code>
        ) : (
          <span />
        )}
        {canEdit && (
          <ConfirmButton
            size="compact-xs"
            variant="subtle"
            color="red"
            loading={unlink.isPending}
            title={t("profile.evidence.unlinkTitle")}
            message={t("profile.evidence.unlinkConfirm", { title: ev.title, id: criterionId })}
            confirmLabel={t("profile.evidence.unlink")}
            aria-label={t("profile.evidence.unlinkNamed", { title: ev.title })}
            onConfirm={() =>
              unlink.mutate(
                { evidenceId: ev.id, unlink: true },
                { onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }) },
              )
            }
          >
            {t("profile.evidence.unlink")}
          </ConfirmButton>
        )}
      </Group>
    </Stack>
  );
}

/** Evidence linked to the criterion, with upload-and-link and link-existing for editors. */
export function EvidencePanel({ criterionId, evidence, canEdit }: { criterionId: string; evidence: LinkedEvidence[]; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" data-testid="profile-evidence">
      <Title order={2} size="h4" mb="sm">
        {t("profile.evidence.title")} ({evidence.length})
      </Title>
      {evidence.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="profile-evidence-none">
          {t("profile.evidence.none")}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {evidence.map((ev) => (
            <EvidenceRow key={ev.id} ev={ev} criterionId={criterionId} canEdit={canEdit} />
          ))}
        </Stack>
      )}
      {canEdit && (
        <>
          <Divider my="md" />
          <Stack gap="md">
            <EvidenceUpload criterionId={criterionId} />
            <EvidenceLinker criterionId={criterionId} linkedIds={evidence.map((e) => e.id)} />
          </Stack>
        </>
      )}
    </Paper>
  );
}

/** Procedures that cover the criterion (maintained on the procedures screen). */
export function ProceduresPanel({ procedures }: { procedures: LinkedProcedure[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" data-testid="profile-procedures">
      <Title order={2} size="h4" mb="sm">
        {t("profile.procedures.title")} ({procedures.length})
      </Title>
      {procedures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("profile.procedures.none")}
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {procedures.map((p) => (
            <Group key={p.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/procedures/${p.id}`} size="sm" style={{ minWidth: 0 }}>
                <Text span ff="monospace" size="sm">
                  {p.code}
                </Text>{" "}
                {p.title}
              </Anchor>
              <Badge size="sm" variant="light" color={p.status === "approved" ? "green" : "gray"}>
                {t(`profile.procedures.status.${p.status}`, { defaultValue: p.status })}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
