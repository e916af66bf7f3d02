import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { IconDownload, IconUpload } from "../../components/icons";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { downloadUrl, type EvidenceDetail } from "./api";
import { formatBytes, HashCode } from "./EvidenceBits";
import { NewVersionModal } from "./NewVersionModal";

/** Every stored version, newest first, with its fingerprint and a download link; editors add versions. */
export function EvidenceVersions({ evidence, canEdit }: { evidence: EvidenceDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [opened, { open, close }] = useDisclosure(false);
  const versions = [...evidence.versions].sort((a, b) => b.version - a.version);
  const next = Math.max(evidence.currentVersion, ...versions.map((v) => v.version)) + 1;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t("evidence.versions.title")}
        </Title>
        {canEdit && !evidence.archivedAt && (
          <Button variant="light" leftSection={<IconUpload />} onClick={open} data-testid="evidence-version-new">
            {t("evidence.versions.new")}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t("evidence.versions.description")}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" data-testid="evidence-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("evidence.fields.version")}</Table.Th>
              <Table.Th>{t("evidence.versions.filename")}</Table.Th>
              <Table.Th>{t("evidence.versions.size")}</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th>{t("evidence.versions.uploaded")}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t("evidence.versions.download")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.version} data-testid="evidence-version-row" data-version={v.version}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text ff="monospace" size="sm">
                      v{v.version}
                    </Text>
                    {v.version === evidence.currentVersion && (
                      <Badge size="xs" variant="light">
                        {t("evidence.versions.current")}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td maw={240}>
                  <Text size="sm" truncate="end" title={v.filename}>
                    {v.filename}
                  </Text>
                  {v.note && (
                    <Text size="xs" c="dimmed">
                      {v.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatBytes(v.sizeBytes, lang)}</Table.Td>
                <Table.Td>
                  <HashCode sha256={v.sha256} testId="evidence-version-sha" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{v.uploadedBy?.displayName ?? t("evidence.unknownPerson")}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(v.uploadedAt, lang)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    href={downloadUrl(evidence.id, v.version)}
                    download={v.filename}
                    size="sm"
                    data-testid="evidence-download"
                    aria-label={t("evidence.versions.downloadVersion", { version: v.version, filename: v.filename })}
                  >
                    <Group gap={4} wrap="nowrap">
                      <IconDownload size={16} />
                      {t("evidence.versions.download")}
                    </Group>
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <NewVersionModal evidenceId={evidence.id} nextVersion={next} opened={opened} onClose={close} />
    </Stack>
  );
}
