import { Button, Group, Pagination, Paper, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { SearchSelect } from "../../components/SearchSelect";
import { isEditor, SITE_KINDS } from "../../lib/constants";
import { useCurrentSession } from "../auth/session";
import { PageLoader } from "../shell/AppLayout";
import { useSites } from "./api";
import { SiteFormModal } from "./SiteFormModal";
import { SitesEmptyState } from "./SitesEmptyState";
import { SitesTable } from "./SitesTable";

const PAGE_SIZE = 20;

export default function SitesPage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const canEdit = isEditor(role);
  const [params, setParams] = useSearchParams();
  const [opened, { open, close }] = useDisclosure(params.get("new") === "1" && canEdit);

  const kind = params.get("kind");
  const includeArchived = params.get("archived") === "1";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [q, setQ] = useState(params.get("q") ?? "");
  const [debouncedQ] = useDebouncedValue(q, 300);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!("page" in changes)) next.delete("page");
        next.delete("new");
        return next;
      },
      { replace: true },
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the debounced search text
  useEffect(() => {
    if ((params.get("q") ?? "") !== debouncedQ.trim()) update({ q: debouncedQ.trim() || null });
  }, [debouncedQ]);

  const sites = useSites({
    q: params.get("q") ?? "",
    kind,
    includeArchived,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const filtered = !!(params.get("q") || kind || includeArchived);
  const total = sites.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const newButton = canEdit ? (
    <Button onClick={open} data-testid="site-new">
      {t("sites.new")}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t("sites.title")} description={t("sites.description")} actions={newButton} />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <TextInput
              type="search"
              label={t("common.search")}
              placeholder={t("sites.searchPlaceholder")}
              name="q"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={{ base: "100%", xs: 260 }}
              data-testid="site-search"
            />
            <SearchSelect
              label={t("sites.fields.kind")}
              placeholder={t("sites.allKinds")}
              data={SITE_KINDS.map((k) => ({ value: k, label: t(`siteKinds.${k}`) }))}
              value={kind}
              onChange={(v) => update({ kind: v })}
              clearable
              w={{ base: "100%", xs: 220 }}
              data-testid="site-kind-filter"
            />
            <Switch
              label={t("sites.showArchived")}
              checked={includeArchived}
              onChange={(e) => update({ archived: e.currentTarget.checked ? "1" : null })}
              mb={8}
              data-testid="site-show-archived"
            />
          </Group>
        </Paper>

        {sites.isPending ? (
          <PageLoader />
        ) : sites.isError ? (
          <QueryError error={sites.error} onRetry={() => void sites.refetch()} />
        ) : total === 0 && !filtered ? (
          <SitesEmptyState onCreate={canEdit ? open : undefined} />
        ) : total === 0 ? (
          <Paper withBorder p="lg">
            <Group justify="space-between">
              <Text>{t("sites.noMatches")}</Text>
              <Button
                variant="default"
                onClick={() => {
                  setQ("");
                  update({ q: null, kind: null, archived: null });
                }}
              >
                {t("common.clearFilters")}
              </Button>
            </Group>
          </Paper>
        ) : (
          <Paper withBorder>
            <SitesTable sites={sites.data.items} />
            <Group justify="space-between" p="sm">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t("common.showingRange", {
                  from: (page - 1) * PAGE_SIZE + 1,
                  to: Math.min(page * PAGE_SIZE, total),
                  total,
                })}
              </Text>
              {pages > 1 && (
                <Pagination
                  total={pages}
                  value={Math.min(page, pages)}
                  onChange={(p) => update({ page: p > 1 ? String(p) : null })}
                  getControlProps={(control) => ({ "aria-label": t(`common.pagination.${control}`) })}
                  getItemProps={(p) => ({ "aria-label": t("common.pagination.page", { page: p }) })}
                />
              )}
            </Group>
          </Paper>
        )}
      </Stack>
      <SiteFormModal opened={opened} onClose={close} />
    </>
  );
}
