import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { isForbidden, QueryError } from "../../components/QueryError";
import { SearchSelect } from "../../components/SearchSelect";
import type { Role } from "../../lib/constants";
import { useCurrentSession } from "../auth/session";
import { AuditHistory } from "./AuditHistory";
import { useCheckpoints } from "./api";
import { Checkpoints } from "./Checkpoints";
import { VerifyChain } from "./VerifyChain";

/** Entity types the server records; unknown ones still display (untranslated) in the table. */
export const AUDIT_ENTITY_TYPES = ["site", "tenant", "user", "api_token", "audit_chain"] as const;

const SIGNERS: readonly Role[] = ["owner", "admin", "security-manager"];

export default function AuditPage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const entityType = params.get("entityType");
  // Cheap probe shared with <Checkpoints>: roles that may not read the audit log get one message.
  const probe = useCheckpoints();

  const setEntityType = (v: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v) next.set("entityType", v);
        else next.delete("entityType");
        return next;
      },
      { replace: true },
    );

  if (probe.isError && isForbidden(probe.error)) {
    return (
      <>
        <PageHeader title={t("audit.title")} description={t("audit.description")} />
        <QueryError error={probe.error} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.description")} />
      <Stack gap="lg">
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb="xs">
            {t("audit.verify.title")}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t("audit.verify.description")}
          </Text>
          <VerifyChain />
        </Paper>
        <Paper withBorder p="lg">
          <Group justify="space-between" align="flex-end" mb="md">
            <Title order={2} size="h4">
              {t("audit.events")}
            </Title>
            <SearchSelect
              label={t("audit.entityType")}
              placeholder={t("audit.allEntityTypes")}
              data={AUDIT_ENTITY_TYPES.map((v) => ({ value: v, label: t(`audit.entityTypes.${v}`) }))}
              value={entityType}
              onChange={setEntityType}
              clearable
              w={{ base: "100%", xs: 240 }}
              data-testid="audit-entity-filter"
            />
          </Group>
          <AuditHistory key={entityType ?? "all"} entityType={entityType ?? undefined} showEntity />
        </Paper>
        <Paper withBorder p="lg">
          <Checkpoints canSign={!!role && SIGNERS.includes(role)} />
        </Paper>
      </Stack>
    </>
  );
}
