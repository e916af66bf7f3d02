import { Button, Code, Group, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import type { Checkpoint, PublicKey } from "../../api/types";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { fetchPublicKey, useCheckpoints, useCreateCheckpoint } from "./api";

/** A data: URL of the checkpoint, with the public key that verifies it, as a JSON document. */
function checkpointFile(cp: Checkpoint, publicKey: PublicKey | undefined): { href: string; name: string } {
  const body = JSON.stringify(
    {
      format: "portcullis-audit-checkpoint/1",
      checkpoint: cp,
      keyId: publicKey?.keyId ?? cp.keyId,
      publicKeyPem: publicKey?.publicKeyPem ?? null,
    },
    null,
    2,
  );
  return {
    href: `data:application/json;charset=utf-8,${encodeURIComponent(`${body}\n`)}`,
    name: `portcullis-checkpoint-${cp.seq}-${cp.signedAt.slice(0, 10)}.json`,
  };
}

export function Checkpoints({ canSign }: { canSign: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useCheckpoints();
  const create = useCreateCheckpoint();
  const publicKey = useQuery({ queryKey: ["audit", "public-key"], queryFn: fetchPublicKey, staleTime: Infinity });

  const onCreate = () =>
    create.mutate(undefined, {
      onSuccess: (cp) => notifications.show({ color: "green", message: t("audit.checkpoints.created", { seq: cp.seq }) }),
      onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
    });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t("audit.checkpoints.title")}
        </Title>
        {canSign && (
          <Button variant="light" onClick={onCreate} loading={create.isPending} data-testid="audit-checkpoint-create">
            {t("audit.checkpoints.create")}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t("audit.checkpoints.description")}
      </Text>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text size="sm">{t("audit.checkpoints.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="audit-checkpoints">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("audit.checkpoints.seq")}</Table.Th>
                <Table.Th>{t("audit.checkpoints.signedAt")}</Table.Th>
                <Table.Th>{t("audit.checkpoints.keyId")}</Table.Th>
                <Table.Th>{t("audit.hash")}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t("audit.checkpoints.download")}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((cp) => {
                const file = checkpointFile(cp, publicKey.data);
                return (
                  <Table.Tr key={cp.id} data-testid="audit-checkpoint-row">
                    <Table.Td ff="monospace">{cp.seq}</Table.Td>
                    <Table.Td>{formatDateTime(cp.signedAt, lang)}</Table.Td>
                    <Table.Td>
                      <Code>{cp.keyId}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Code title={cp.hash}>{cp.hash.slice(0, 16)}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        component="a"
                        href={file.href}
                        download={file.name}
                        size="xs"
                        variant="default"
                        data-testid="audit-checkpoint-download"
                        aria-label={t("audit.checkpoints.downloadSeq", { seq: cp.seq })}
                      >
                        {t("audit.checkpoints.download")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
