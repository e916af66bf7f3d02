import { Alert, Button, Group, Modal, Paper, Progress, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { formatDate, formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { type Answer, groupByCategory } from "../questionnaires/api";
import { categoryName } from "../questionnaires/bits";
import { type PartnerItem, type PartnerQuestionnaire, storeItem, useSubmitAnswers } from "./api";
import { portalError } from "./messages";
import { PartnerItemCard } from "./PartnerItemCard";
import type { SaveState } from "./useAutosave";

type Tracked = { state: SaveState; flush: () => Promise<boolean> };

function overallState(states: Map<string, Tracked>): "idle" | "saving" | "saved" | "error" {
  let seen = false;
  for (const { state } of states.values()) {
    if (state === "error") return "error";
    if (state === "pending" || state === "saving") return "saving";
    if (state === "saved") seen = true;
  }
  return seen ? "saved" : "idle";
}

function SaveIndicator({ state }: { state: ReturnType<typeof overallState> }) {
  const { t } = useTranslation();
  const text =
    state === "error"
      ? t("portal.save.someFailed")
      : state === "saving"
        ? t("portal.save.saving")
        : state === "saved"
          ? `✓ ${t("portal.save.allSaved")}`
          : t("portal.save.auto");
  return (
    <Text
      size="sm"
      c={state === "error" ? "red.7" : state === "saved" ? "teal.8" : "dimmed"}
      aria-live="polite"
      data-testid="portal-save-state"
      data-state={state}
    >
      {text}
    </Text>
  );
}

function StatusNote({ q }: { q: PartnerQuestionnaire }) {
  const { t } = useTranslation();
  const lang = useLang();
  const changes = q.items.filter((i) => i.editable && i.changeRequest).length;
  if (q.status === "submitted")
    return (
      <Alert color="teal" title={t("portal.submittedTitle")} data-testid="portal-submitted">
        {t("portal.submittedBody", { company: q.company })}
      </Alert>
    );
  if (q.status === "accepted")
    return (
      <Alert color="teal" title={t("portal.acceptedTitle")} data-testid="portal-accepted">
        {t("portal.acceptedBody", { company: q.company })}
      </Alert>
    );
  if (q.status === "cancelled") return <Alert color="gray">{t("portal.cancelled", { company: q.company })}</Alert>;
  if (q.status === "changes_requested")
    return (
      <Alert color="orange" title={t("portal.changesTitle", { count: changes })} data-testid="portal-changes">
        {t("portal.changesBody", { company: q.company })}
      </Alert>
    );
  return (
    <Text size="sm" c="dimmed">
      {t("portal.intro", { date: formatDateTime(q.sessionExpiresAt, lang) })}
    </Text>
  );
}

/** The questionnaire itself: progress, every question grouped by category, autosave, and sending it. */
export function PortalQuestionnaire({ q }: { q: PartnerQuestionnaire }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const submit = useSubmitAnswers();
  const [answers, setAnswers] = useState<Record<string, Answer | null>>(() =>
    Object.fromEntries(q.items.map((i) => [i.criterionId, i.answer])),
  );
  const tracked = useRef(new Map<string, Tracked>());
  const [overall, setOverall] = useState<ReturnType<typeof overallState>>("idle");
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const open = q.items.some((i) => i.editable);
  const [only, setOnly] = useState<"open" | "all">(q.round > 1 && open ? "open" : "all");

  const onAnswer = useCallback((id: string, a: Answer | null) => setAnswers((prev) => ({ ...prev, [id]: a })), []);
  const onState = useCallback((id: string, state: SaveState, flush: () => Promise<boolean>) => {
    tracked.current.set(id, { state, flush });
    setOverall(overallState(tracked.current));
  }, []);
  const onSaved = useCallback((item: PartnerItem) => storeItem(qc, item), [qc]);

  // Closing the tab while a save waits would lose it: ask the browser to warn.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (overall === "saving" || overall === "error") e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [overall]);

  const editable = q.items.filter((i) => i.editable);
  const counted = editable.length > 0 ? editable : q.items;
  const answered = counted.filter((i) => (i.editable ? answers[i.criterionId] : i.answer) != null).length;
  const unanswered = editable.filter((i) => answers[i.criterionId] == null);
  const pct = counted.length > 0 ? Math.round((answered / counted.length) * 100) : 0;
  const visible = only === "open" ? editable : q.items;
  const groups = groupByCategory(visible);

  const goTo = (id: string) => {
    setOnly("all");
    requestAnimationFrame(() => {
      const el = document.getElementById(`q-${id}`);
      el?.scrollIntoView({ block: "center" });
      el?.focus();
    });
  };

  const send = async () => {
    setSubmitError(null);
    const results = await Promise.all([...tracked.current.values()].map((x) => x.flush()));
    if (results.some((ok) => !ok)) {
      setSubmitError(t("portal.save.someFailed"));
      return;
    }
    submit.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        window.scrollTo({ top: 0 });
      },
      onError: (e) => {
        const ids = isApiError(e) ? (e.details as { criterionIds?: unknown } | null)?.criterionIds : null;
        setSubmitError(portalError(t, e));
        if (Array.isArray(ids) && typeof ids[0] === "string") {
          setConfirming(false);
          goTo(ids[0]);
        }
      },
    });
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t("portal.title", { company: q.company })}
        </Title>
        <Text size="sm" c="dimmed">
          {q.dueOn
            ? t("portal.forPartnerDue", { partner: q.partner, date: formatDate(q.dueOn, lang) })
            : t("portal.forPartner", { partner: q.partner })}
        </Text>
      </Stack>
      <StatusNote q={q} />
      <Paper
        withBorder
        p="sm"
        shadow="xs"
        style={{ position: "sticky", top: 0, zIndex: 5, background: "var(--mantine-color-body)" }}
        data-testid="portal-progress"
        data-answered={answered}
        data-total={counted.length}
      >
        <Group justify="space-between" gap="xs" mb={6}>
          <Text size="sm" fw={600}>
            {t("portal.progress", { answered, total: counted.length })}
          </Text>
          {open && <SaveIndicator state={overall} />}
        </Group>
        <Progress value={pct} aria-label={t("portal.progressLabel")} aria-valuetext={`${pct}%`} color={pct === 100 ? "teal" : "blue"} />
      </Paper>
      {q.round > 1 && open && (
        <SegmentedControl
          fullWidth
          value={only}
          onChange={(v) => setOnly(v as "open" | "all")}
          data={[
            { value: "open", label: t("portal.showOpen", { count: editable.length }) },
            { value: "all", label: t("portal.showAll", { count: q.items.length }) },
          ]}
          aria-label={t("portal.showLabel")}
          data-testid="portal-filter"
        />
      )}
      {groups.map((g) => (
        <Stack key={g.categoryId} gap="sm" component="section" aria-labelledby={`portal-cat-${g.categoryId}`}>
          <Title order={2} size="h4" id={`portal-cat-${g.categoryId}`}>
            {g.categoryId > 0 ? `${g.categoryId}. ` : ""}
            {categoryName(t, g.categoryId)}
          </Title>
          {g.items.map((item) => (
            <PartnerItemCard
              key={item.criterionId}
              item={item}
              company={q.company}
              onAnswer={onAnswer}
              onState={onState}
              onSaved={onSaved}
            />
          ))}
        </Stack>
      ))}
      {open && (
        <Paper withBorder p="md" data-testid="portal-submit-panel">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t("portal.submitTitle")}
            </Title>
            {unanswered.length > 0 ? (
              <Group gap="sm">
                <Text size="sm">{t("portal.stillOpen", { count: unanswered.length })}</Text>
                <Button variant="subtle" size="compact-sm" onClick={() => goTo(unanswered[0]?.criterionId ?? "")}>
                  {t("portal.goToFirst")}
                </Button>
              </Group>
            ) : (
              <Text size="sm">{t("portal.readyToSubmit", { company: q.company })}</Text>
            )}
            {submitError && !confirming && (
              <Alert color="red" role="alert" data-testid="portal-submit-error">
                {submitError}
              </Alert>
            )}
            <Group>
              <Button size="md" disabled={unanswered.length > 0} onClick={() => setConfirming(true)} data-testid="portal-submit">
                {t("portal.submit")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("portal.confirmTitle")} centered>
        <Stack>
          <Text size="sm">{t("portal.confirmBody", { company: q.company })}</Text>
          {submitError && (
            <Alert color="red" role="alert">
              {submitError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </Button>
            <Button data-autofocus loading={submit.isPending} onClick={() => void send()} data-testid="portal-submit-confirm">
              {t("portal.confirmSend")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
