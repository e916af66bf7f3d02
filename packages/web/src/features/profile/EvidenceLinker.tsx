import { Button, Group, Loader, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import { useEvidenceLink, useEvidenceSearch } from "./evidence-api";

/** Search the vault and link an existing record to this criterion. */
export function EvidenceLinker({ criterionId, linkedIds }: { criterionId: string; linkedIds: string[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 250);
  const [open, setOpen] = useState(false);
  const search = useEvidenceSearch(debounced, open);
  const link = useEvidenceLink(criterionId);
  const results = (search.data?.items ?? []).filter((e) => !linkedIds.includes(e.id));

  if (!open) {
    return (
      <Group>
        <Button variant="light" size="xs" onClick={() => setOpen(true)} data-testid="profile-evidence-link-open">
          {t("profile.evidence.linkExisting")}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={t("profile.evidence.linkExisting")}
        placeholder={t("profile.evidence.searchPlaceholder")}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
        data-autofocus
        data-testid="profile-evidence-search"
      />
      {search.isError ? (
        <Text size="sm" c="red.7" role="alert">
          {errorMessage(t, search.error)}
        </Text>
      ) : search.data && results.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("profile.evidence.noResults")}
        </Text>
      ) : (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: "none" }} aria-live="polite">
          {results.map((e) => (
            <Group key={e.id} component="li" justify="space-between" wrap="nowrap" gap="xs" data-testid="profile-evidence-result">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {e.title}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {e.latest?.filename ?? ""} · v{e.currentVersion}
                </Text>
              </Stack>
              <Button
                size="compact-sm"
                variant="light"
                loading={link.isPending && link.variables?.evidenceId === e.id}
                aria-label={t("profile.evidence.linkNamed", { title: e.title })}
                data-testid="profile-evidence-link"
                onClick={() =>
                  link.mutate(
                    { evidenceId: e.id },
                    {
                      onSuccess: () => notifications.show({ color: "green", message: t("profile.evidence.linked", { title: e.title }) }),
                      onError: (err) => notifications.show({ color: "red", message: errorMessage(t, err) }),
                    },
                  )
                }
              >
                {t("profile.evidence.link")}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <Group>
        <Button variant="subtle" size="xs" color="gray" onClick={() => setOpen(false)}>
          {t("profile.evidence.closeSearch")}
        </Button>
      </Group>
    </Stack>
  );
}
