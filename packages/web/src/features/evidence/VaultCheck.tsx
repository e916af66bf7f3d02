import { Alert, Anchor, Button, List, Loader, Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client";
import { errorMessage } from "../../api/errors";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";

/** POST /api/evidence/verify: every stored file re-read and compared with its recorded SHA-256. */
export interface VaultCheckResult {
  ok: boolean;
  checkedAt: string;
  files: number;
  versions: number;
  bytes: number;
  problems: {
    sha256: string;
    state: "missing" | "damaged";
    versions: { evidenceId: string; title: string; version: number; filename: string }[];
  }[];
}

/**
 * "Check files": proves to an auditor that every stored file is still the one that was uploaded. The server
 * re-hashes the whole vault, so the modal waits on one request and then lists whatever does not match.
 */
export function VaultCheckButton() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const qc = useQueryClient();
  const check = useMutation({
    mutationFn: () => api.post<VaultCheckResult>("/evidence/verify"),
    // The check is an audit event: the audit log should show it without a reload.
    onSuccess: () => qc.invalidateQueries({ queryKey: ["audit"] }),
  });
  const start = () => {
    setOpened(true);
    check.mutate();
  };
  return (
    <>
      <Button variant="default" onClick={start} data-testid="evidence-check">
        {t("evidence.check.button")}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t("evidence.check.title")} size="lg">
        {check.isPending && (
          <Stack align="center" py="md" role="status">
            <Loader />
            <Text size="sm">{t("evidence.check.running")}</Text>
          </Stack>
        )}
        {check.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, check.error)}
          </Alert>
        )}
        {check.data && <VaultCheckReport result={check.data} />}
      </Modal>
    </>
  );
}

function VaultCheckReport({ result }: { result: VaultCheckResult }) {
  const { t } = useTranslation();
  const lang = useLang();
  const when = formatDateTime(result.checkedAt, lang);
  if (result.ok) {
    return (
      <Stack>
        <Alert color="green" title={t("evidence.check.okTitle")} data-testid="evidence-check-ok">
          {result.files === 0
            ? t("evidence.check.empty")
            : t("evidence.check.ok", { count: result.files, versions: result.versions, when })}
        </Alert>
        <Text size="sm" c="dimmed">
          {t("evidence.check.audited")}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack>
      <Alert color="red" title={t("evidence.check.problemsTitle", { count: result.problems.length })}>
        {t("evidence.check.problems", { files: result.files, when })}
      </Alert>
      <List spacing="xs">
        {result.problems.flatMap((p) =>
          p.versions.map((v) => (
            <List.Item key={`${p.sha256}-${v.evidenceId}-${v.version}`} data-testid="evidence-check-problem" data-state={p.state}>
              <Anchor component={Link} to={`/evidence/${v.evidenceId}`}>
                {v.title}
              </Anchor>{" "}
              <Text span size="sm">
                {t(`evidence.check.states.${p.state}`, { version: v.version, filename: v.filename })}
              </Text>
            </List.Item>
          )),
        )}
      </List>
      <Text size="sm">{t("evidence.check.fix")}</Text>
      <Text size="sm" c="dimmed">
        {t("evidence.check.audited")}
      </Text>
    </Stack>
  );
}
