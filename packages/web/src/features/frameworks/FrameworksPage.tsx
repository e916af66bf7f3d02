import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Table, Text, ThemeIcon, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { IconAudit } from "../../components/icons";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { isEditor } from "../../lib/constants";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { useFrameworks } from "./api";
import { ImportWizard } from "./ImportWizard";

export default function FrameworksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const [opened, { open, close }] = useDisclosure(false);
  const [params, setParams] = useSearchParams();
  const includeArchived = params.get("archived") === "1";
  const list = useFrameworks(includeArchived);

  const importButton = canEdit ? (
    <Button onClick={open} data-testid="framework-import">
      {t("frameworks.import.open")}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t("frameworks.title")} description={t("frameworks.description")} actions={importButton} />
      <Group mb="sm">
        <Switch
          label={t("frameworks.showArchived")}
          checked={includeArchived}
          onChange={(e) => setParams(e.currentTarget.checked ? { archived: "1" } : {}, { replace: true })}
          data-testid="frameworks-show-archived"
        />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 && includeArchived ? (
        <Paper withBorder p="lg">
          <Text>{t("frameworks.noneArchived")}</Text>
        </Paper>
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" data-testid="frameworks-empty">
          <Stack align="center" ta="center" gap="sm" maw={560} mx="auto">
            <ThemeIcon size={48} radius="xl" variant="light">
              <IconAudit />
            </ThemeIcon>
            <Title order={2} size="h3">
              {t("frameworks.empty.title")}
            </Title>
            <Text c="dimmed">{t("frameworks.empty.body")}</Text>
            {canEdit ? (
              <Button onClick={open}>{t("frameworks.import.open")}</Button>
            ) : (
              <Text size="sm">{t("frameworks.empty.askEditor")}</Text>
            )}
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="frameworks-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("frameworks.fields.name")}</Table.Th>
                  <Table.Th>{t("frameworks.fields.version")}</Table.Th>
                  <Table.Th ta="right">{t("frameworks.cols.controls")}</Table.Th>
                  <Table.Th ta="right">{t("frameworks.cols.mappings")}</Table.Th>
                  <Table.Th>{t("common.created")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((f) => (
                  <Table.Tr key={f.id} data-testid="framework-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/frameworks/${f.id}`} fw={500}>
                        {f.name}
                      </Anchor>
                      {f.archivedAt && (
                        <Badge ml="xs" size="sm" color="gray" variant="light">
                          {t("frameworks.archived")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{f.version || "—"}</Table.Td>
                    <Table.Td ta="right">{f.controlCount}</Table.Td>
                    <Table.Td ta="right">{f.mappingCount}</Table.Td>
                    <Table.Td>{formatDateTime(f.createdAt, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {canEdit && <ImportWizard opened={opened} onClose={close} />}
    </>
  );
}
