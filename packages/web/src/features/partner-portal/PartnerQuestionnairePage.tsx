import { Alert, Box, Button, Center, Container, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Logo } from "../../components/Logo";
import i18n, { LANG_STORAGE_KEY, type Language } from "../../i18n";
import { formatDate, formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { LanguageSwitch } from "../shell/LanguageSwitch";
import { isDeadLink, type Landing, useExchange, useLanding, usePartnerQuestionnaire, wasSpentHere } from "./api";
import { portalError } from "./messages";
import { PortalQuestionnaire } from "./PortalQuestionnaire";

/** Until the partner picks a language, speak the questionnaire's. */
function useDefaultLanguage(lang: Language | undefined) {
  useEffect(() => {
    if (!lang) return;
    let chosen: string | null = null;
    try {
      chosen = localStorage.getItem(LANG_STORAGE_KEY);
    } catch {
      chosen = null;
    }
    if (!chosen && i18n.resolvedLanguage !== lang) void i18n.changeLanguage(lang);
  }, [lang]);
}

/** A bare page: no app navigation, no account; the mark, the language switch and the content. */
function PortalLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t("portal.docTitle")} · Portcullis`);
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Box component="header" bg="var(--mantine-color-body)" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Container size="md" px="sm" py="xs">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Logo size={26} />
              <Text fw={700}>Portcullis</Text>
            </Group>
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container size="md" px="sm" py="lg" component="main" id="main">
        {children}
      </Container>
    </Box>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t("common.loading")} />
    </Center>
  );
}

/** Expired, used, revoked or unknown: the server answers them all alike, and so does this page. */
function DeadLink() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" data-testid="portal-invalid">
      <Stack gap="xs" align="center" ta="center">
        <Title order={1} size="h3">
          {t("portal.invalid.title")}
        </Title>
        <Text>{t("portal.invalid.body")}</Text>
        <Text size="sm" c="dimmed">
          {t("portal.invalid.hint")}
        </Text>
      </Stack>
    </Paper>
  );
}

function Failure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t("portal.loadFailed")} role="alert" data-testid="portal-error">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{portalError(t, error)}</Text>
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      </Stack>
    </Alert>
  );
}

function LandingCard({ landing, starting, error, onStart }: { landing: Landing; starting: boolean; error: unknown; onStart: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper withBorder p={{ base: "md", sm: "xl" }} data-testid="portal-landing">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t("portal.landing.title")}
        </Title>
        <Text>{t("portal.landing.body", { company: landing.company, partner: landing.partner })}</Text>
        <Stack gap={4}>
          <Text size="sm" data-testid="portal-landing-company">
            <Text span fw={600}>
              {t("portal.landing.company")}:
            </Text>{" "}
            {landing.company}
          </Text>
          <Text size="sm" data-testid="portal-landing-partner">
            <Text span fw={600}>
              {t("portal.landing.partner")}:
            </Text>{" "}
            {landing.partner}
          </Text>
          {landing.dueOn && (
            <Text size="sm">
              <Text span fw={600}>
                {t("portal.landing.due")}:
              </Text>{" "}
              {formatDate(landing.dueOn, lang)}
            </Text>
          )}
          <Text size="sm" data-testid="portal-landing-expires">
            <Text span fw={600}>
              {t("portal.landing.expires")}:
            </Text>{" "}
            {formatDateTime(landing.expiresAt, lang)}
          </Text>
        </Stack>
        <Text size="sm" c="dimmed">
          {t("portal.landing.once")}
        </Text>
        {!!error && (
          <Alert color="red" role="alert">
            {portalError(t, error)}
          </Alert>
        )}
        <Group>
          <Button size="md" onClick={onStart} loading={starting} data-testid="portal-start">
            {t("portal.landing.start")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * /q/:token — a business partner answers a security questionnaire without an account. The landing only reads
 * the link; "Start" spends it for a partner session. A tab that already spent this link, or a link that no
 * longer works while a partner session still does, goes straight to the questionnaire.
 */
export default function PartnerQuestionnairePage() {
  const { token = "" } = useParams();
  const [started, setStarted] = useState(() => wasSpentHere(token));
  const landing = useLanding(token, !started);
  const exchange = useExchange();
  const deadLanding = landing.isError && isDeadLink(landing.error);
  const session = usePartnerQuestionnaire(started || deadLanding);
  useDefaultLanguage(session.data?.lang ?? landing.data?.lang);

  let body: ReactNode;
  if (started || deadLanding) {
    if (session.isPending) body = <Loading />;
    else if (session.isError) {
      body = isDeadLink(session.error) ? <DeadLink /> : <Failure error={session.error} onRetry={() => void session.refetch()} />;
    } else body = <PortalQuestionnaire key={`${session.data.status}-${session.data.round}`} q={session.data} />;
  } else if (landing.isPending) {
    body = <Loading />;
  } else if (landing.isError) {
    body = <Failure error={landing.error} onRetry={() => void landing.refetch()} />;
  } else if (exchange.isError && isDeadLink(exchange.error)) {
    body = <DeadLink />;
  } else {
    body = (
      <LandingCard
        landing={landing.data}
        starting={exchange.isPending}
        error={exchange.error}
        onStart={() => exchange.mutate(token, { onSuccess: () => setStarted(true) })}
      />
    );
  }
  return <PortalLayout>{body}</PortalLayout>;
}
