import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../api/errors";
import { SearchSelect } from "../../components/SearchSelect";
import { useLang } from "../../lib/useLang";
import { criteriaSelectData, type EvidenceDetail, type EvidenceLink, useCriteriaOptions, useLinkEvidence } from "./api";

function linkTarget(l: EvidenceLink): string | null {
  if (l.targetType === "criterion") return `/profile/${encodeURIComponent(l.targetId)}`;
  if (l.targetType === "procedure") return `/procedures/${encodeURIComponent(l.targetId)}`;
  return null;
}

/** What this file proves: the MSC criteria and procedures it is linked to. Editors link and unlink. */
export function EvidenceLinks({ evidence, canEdit }: { evidence: EvidenceDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const link = useLinkEvidence(evidence.id);
  const criteria = useCriteriaOptions();
  const [picked, setPicked] = useState<string | null>(null);
  const linked = new Set(evidence.links.filter((l) => l.targetType === "criterion").map((l) => l.targetId));
  const all = criteriaSelectData(criteria.data, lang);
  const labels = new Map(all.map((o) => [o.value, o.label]));
  const options = all.filter((o) => !linked.has(o.value));

  const run = (isLink: boolean, target: { targetType: string; targetId: string }) =>
    link.mutate(
      { link: isLink, target },
      {
        onSuccess: () => {
          if (isLink) setPicked(null);
          notifications.show({ color: "green", message: isLink ? t("evidence.links.linked") : t("evidence.links.unlinked") });
        },
        onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
      },
    );

  const label = (l: EvidenceLink) =>
    l.targetType === "criterion"
      ? t("evidence.links.criterion")
      : l.targetType === "procedure"
        ? t("evidence.links.procedure")
        : l.targetType;

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t("evidence.links.title")}
      </Title>
      {evidence.links.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="evidence-links-empty">
          {t("evidence.links.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing="xs" data-testid="evidence-links">
            <Table.Tbody>
              {evidence.links.map((l) => {
                const to = linkTarget(l);
                // Criteria are named in the UI language from the library; the server's label is the fallback.
                const text =
                  l.targetType === "criterion"
                    ? (labels.get(l.targetId) ?? `${l.targetId}${l.label ? ` · ${l.label}` : ""}`)
                    : (l.label ?? l.targetId);
                return (
                  <Table.Tr key={`${l.targetType}:${l.targetId}`} data-testid="evidence-link-row">
                    <Table.Td w={120}>
                      <Badge variant="light" color={l.targetType === "criterion" ? "blue" : "grape"}>
                        {label(l)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {to ? (
                        <Anchor component={Link} to={to} size="sm">
                          {text}
                        </Anchor>
                      ) : (
                        <Text size="sm">{text}</Text>
                      )}
                    </Table.Td>
                    {canEdit && (
                      <Table.Td w={1}>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => run(false, { targetType: l.targetType, targetId: l.targetId })}
                          disabled={link.isPending}
                          aria-label={t("evidence.links.unlinkOne", { name: text })}
                          data-testid="evidence-unlink"
                        >
                          {t("evidence.links.unlink")}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && !evidence.archivedAt && (
        <Group align="flex-end" gap="sm">
          <SearchSelect
            label={t("evidence.links.addCriterion")}
            placeholder={t("evidence.form.criteriaPlaceholder")}
            data={options}
            value={picked}
            onChange={setPicked}
            clearable
            maxDropdownHeight={260}
            style={{ flex: 1, minWidth: 220 }}
            data-testid="evidence-link-criterion"
          />
          <Button
            variant="light"
            disabled={!picked}
            loading={link.isPending}
            onClick={() => picked && run(true, { targetType: "criterion", targetId: picked })}
            data-testid="evidence-link-submit"
          >
            {t("evidence.links.link")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
