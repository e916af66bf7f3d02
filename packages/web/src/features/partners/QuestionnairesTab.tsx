import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../api/errors";
import { FormActions, FormError, LabelledSegments } from "../../components/FormParts";
import { QueryError } from "../../components/QueryError";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { PartnerDetail } from "./api";
import { useCreateQuestionnaire, usePartnerQuestionnaires } from "./records.api";

/** Countries whose partners get the Spanish questionnaire by default (the sender can change it). */
const SPANISH = new Set([
  "MX",
  "GT",
  "SV",
  "HN",
  "NI",
  "CR",
  "PA",
  "CO",
  "VE",
  "EC",
  "PE",
  "BO",
  "CL",
  "AR",
  "UY",
  "PY",
  "DO",
  "CU",
  "ES",
  "PR",
]);

const STATUS_COLOR: Record<string, string> = {
  draft: "gray",
  sent: "blue",
  in_progress: "blue",
  submitted: "violet",
  changes_requested: "orange",
  accepted: "green",
  cancelled: "dark",
};

function plusDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** "Send questionnaire": a draft with a due date and a language, opened on its own screen to invite the partner. */
function SendModal({ partner, opened, onClose }: { partner: PartnerDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateQuestionnaire();
  const [dueOn, setDueOn] = useState(() => plusDays(30));
  const [lang, setLang] = useState<"en" | "es">(SPANISH.has(partner.countryCode) ? "es" : "en");
  const [dateError, setDateError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) {
      setDateError(t("validation.date"));
      return;
    }
    create.mutate({ partnerId: partner.id, dueOn, lang }, { onSuccess: (q) => navigate(`/questionnaires/${q.id}`) });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t("partners.questionnaires.sendTitle")}>
      <form onSubmit={submit} noValidate data-testid="partner-questionnaire-form">
        <Stack>
          <Text size="sm">{t("partners.questionnaires.sendBody", { name: partner.name })}</Text>
          {partner.questionnaireWaived && <Alert color="teal">{t("partners.questionnaires.waivedNote")}</Alert>}
          <TextInput
            type="date"
            label={t("partners.questionnaires.dueOn")}
            required
            value={dueOn}
            error={dateError}
            onChange={(e) => {
              setDueOn(e.currentTarget.value);
              setDateError(null);
            }}
            data-testid="partner-questionnaire-due"
          />
          <LabelledSegments
            label={t("partners.questionnaires.lang")}
            data={[
              { value: "en", label: "English" },
              { value: "es", label: "Español" },
            ]}
            value={lang}
            onChange={(v) => setLang(v as "en" | "es")}
            data-testid="partner-questionnaire-lang"
          />
          <FormError message={create.error ? errorMessage(t, create.error) : null} />
          <FormActions
            onCancel={onClose}
            submitLabel={t("partners.questionnaires.create")}
            loading={create.isPending}
            testId="partner-questionnaire-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** The partner's security questionnaires, a link to the full list, and "send questionnaire". */
export function QuestionnairesTab({ partner, canEdit }: { partner: PartnerDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = usePartnerQuestionnaires(partner.id);
  const [sending, { open, close }] = useDisclosure(false);
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Anchor component={Link} to={`/questionnaires?partnerId=${partner.id}`} size="sm" data-testid="partner-questionnaires-link">
            {t("partners.questionnaires.openList")}
          </Anchor>
          {canEdit && partner.status !== "terminated" && (
            <Button size="xs" onClick={open} data-testid="partner-questionnaire-send">
              {t("partners.questionnaires.send")}
            </Button>
          )}
        </Group>
        {partner.vulnerabilityScore !== null && (
          <Text size="sm">{t("partners.questionnaires.score", { score: partner.vulnerabilityScore })}</Text>
        )}
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? null : items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="partner-questionnaires-empty">
            {t("partners.questionnaires.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" fz="sm" data-testid="partner-questionnaires">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("partners.questionnaires.created")}</Table.Th>
                  <Table.Th>{t("partners.questionnaires.status")}</Table.Th>
                  <Table.Th>{t("partners.questionnaires.dueOn")}</Table.Th>
                  <Table.Th>{t("partners.questionnaires.progress")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((q) => (
                  <Table.Tr key={q.id} data-testid="partner-questionnaire-row" data-status={q.status}>
                    <Table.Td>
                      <Anchor component={Link} to={`/questionnaires/${q.id}`}>
                        {formatDate(q.createdAt.slice(0, 10), lang)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[q.status] ?? "gray"} variant="light">
                        {t(`partners.questionnaires.statuses.${q.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{q.dueOn ? formatDate(q.dueOn, lang) : "—"}</Table.Td>
                    <Table.Td>
                      {q.progress.answered}/{q.progress.total}
                      {q.score !== null ? ` · ${q.score}/100` : ""}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {sending && <SendModal partner={partner} opened={sending} onClose={close} />}
    </Paper>
  );
}
