import { ActionIcon, Code, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEvent } from "../../api/types";
import { IconChevronDown } from "../../components/icons";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { JsonDiff } from "./JsonDiff";

function short(id: string | null): string {
  if (!id) return "";
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** Audit events, newest first, each expandable to show the before/after differences. */
export function AuditEventsTable({ events, showEntity = true }: { events: AuditEvent[]; showEntity?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const columns = showEntity ? 7 : 5;

  return (
    <Table.ScrollContainer minWidth={showEntity ? 760 : 520}>
      <Table verticalSpacing="xs" striped data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <span className="visually-hidden">{t("audit.details")}</span>
            </Table.Th>
            <Table.Th>#</Table.Th>
            <Table.Th>{t("audit.time")}</Table.Th>
            <Table.Th>{t("audit.actor")}</Table.Th>
            <Table.Th>{t("audit.action")}</Table.Th>
            {showEntity && <Table.Th>{t("audit.entityType")}</Table.Th>}
            {showEntity && <Table.Th>{t("audit.entityId")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => {
            const expanded = open.has(e.id);
            const detailId = `audit-detail-${e.id}`;
            return (
              <Fragment key={e.id}>
                <Table.Tr data-testid="audit-row" data-seq={e.seq}>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => toggle(e.id)}
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailId : undefined}
                      aria-label={expanded ? t("audit.hideChanges") : t("audit.showChanges")}
                      style={{ transform: expanded ? "none" : "rotate(-90deg)", transition: "transform 120ms" }}
                    >
                      <IconChevronDown />
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td ff="monospace">{e.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(e.occurredAt, lang)}</Table.Td>
                  <Table.Td>{e.actor.label}</Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  {showEntity && <Table.Td>{t(`audit.entityTypes.${e.entityType}`, { defaultValue: e.entityType })}</Table.Td>}
                  {showEntity && (
                    <Table.Td ff="monospace">
                      <Tooltip label={e.entityId ?? ""} disabled={!e.entityId || e.entityId.length <= 12}>
                        <span>{short(e.entityId)}</span>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={detailId}>
                    <Table.Td colSpan={columns}>
                      <Stack gap="xs" py="xs">
                        <JsonDiff before={e.before} after={e.after} />
                        <Group gap="lg">
                          {e.entityId && (
                            <Text size="xs" c="dimmed">
                              {t("audit.entityId")}: <Code>{e.entityId}</Code>
                            </Text>
                          )}
                          {e.requestId && (
                            <Text size="xs" c="dimmed">
                              {t("audit.requestId")}: <Code>{e.requestId}</Code>
                            </Text>
                          )}
                          <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
                            {t("audit.hash")}: <Code>{e.hash}</Code>
                          </Text>
                        </Group>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
