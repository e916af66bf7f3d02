import { Checkbox, Chip, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formError } from "../../api/errors";
import { FormActions, FormError, InlineError, LabelledSegments } from "../../components/FormParts";
import { FormModal } from "../../components/form/FormModal";
import { useFormFields } from "../../components/form/useFormFields";
import { SearchSelect } from "../../components/SearchSelect";
import {
  type IndicatorList,
  indicatorListsFor,
  SCREENING_KINDS,
  SCREENING_RESULTS,
  type ScreeningKind,
  type ScreeningResult,
  WARNING_INDICATORS,
} from "./domain";
import { useAddScreening } from "./records.api";

const FIELDS = ["kind", "result", "indicators", "notes", "performedOn"] as const;
const LISTS: IndicatorList[] = ["tbml-tf", "forced-labor"];

interface Values {
  kind: ScreeningKind;
  result: ScreeningResult;
  performedOn: string;
  indicators: string[];
  notes: string;
}

const initial = (): Values => ({
  kind: "due-diligence",
  result: "pass",
  performedOn: new Date().toISOString().slice(0, 10),
  indicators: [],
  notes: "",
});

/** The checklist of one list, by group: ticking a sign records it on the screening. */
function IndicatorChecklist({ list, value, onChange }: { list: IndicatorList; value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation();
  const groups = [...new Set(WARNING_INDICATORS.filter((i) => i.list === list).map((i) => i.group))];
  return (
    <Stack gap="xs" data-testid="screening-indicators" data-list={list}>
      <Title order={4} size="h6">
        {t(`partners.screenings.lists.${list}`)}
      </Title>
      <Checkbox.Group value={value} onChange={onChange}>
        <Stack gap="sm">
          {groups.map((g) => (
            <Stack gap={6} key={g}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t(`partners.indicatorGroups.${g}`)}
              </Text>
              {WARNING_INDICATORS.filter((i) => i.list === list && i.group === g).map((i) => (
                <Checkbox
                  key={i.code}
                  value={i.code}
                  label={t(`partners.indicators.${i.code}`)}
                  data-testid="screening-indicator"
                  data-code={i.code}
                />
              ))}
            </Stack>
          ))}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}

/** Record a due-diligence check of the partner: what was checked, the outcome, the warning signs seen. */
export function ScreeningRecordModal({ partnerId, opened, onClose }: { partnerId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t("partners.screenings.newTitle")} size="xl" closeOnClickOutside={false}>
      <RecordForm partnerId={partnerId} onClose={onClose} />
    </FormModal>
  );
}

function RecordForm({ partnerId, onClose }: { partnerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddScreening(partnerId);
  const { values, set, errorFor, serverErrors, check, text } = useFormFields(initial, add.error, FIELDS);
  const { kind, result, performedOn, indicators, notes } = values;
  const [extraLists, setExtraLists] = useState<IndicatorList[]>([]);
  // A list stays open while one of its signs is ticked, so a kind change never hides what will be recorded.
  const ticked = new Set(WARNING_INDICATORS.filter((i) => indicators.includes(i.code)).map((i) => i.list));
  const shown = LISTS.filter((l) => indicatorListsFor(kind).includes(l) || extraLists.includes(l) || ticked.has(l));
  const hidden = LISTS.filter((l) => !shown.includes(l));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(performedOn)) errs.performedOn = t("validation.date");
    else if (performedOn > new Date().toISOString().slice(0, 10)) errs.performedOn = t("partners.certifications.notFuture");
    if (!check(errs)) return;
    add.mutate(
      { kind, result, performedOn, indicators, notes: notes.trim() || null },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("partners.screenings.added") });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="screening-record-form">
      <Stack>
        <FormError message={formError(t, add.error, serverErrors)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SearchSelect
            label={t("partners.screenings.kind")}
            required
            allowDeselect={false}
            data={SCREENING_KINDS.map((k) => ({ value: k, label: t(`partners.screenings.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && set("kind", v as ScreeningKind)}
            error={errorFor("kind")}
            data-testid="screening-kind"
          />
          <TextInput type="date" label={t("partners.screenings.performedOn")} required {...text("performedOn")} />
        </SimpleGrid>
        <LabelledSegments
          label={t("partners.screenings.resultLabel")}
          data={SCREENING_RESULTS.map((r) => ({ value: r, label: t(`partners.screenings.result.${r}`) }))}
          value={result}
          onChange={(v) => set("result", v as ScreeningResult)}
          color={result === "fail" ? "red" : result === "concern" ? "yellow" : "green"}
          autoContrast
          data-testid="screening-result-input"
        />
        <Text size="xs" c="dimmed">
          {t("partners.screenings.indicatorsHelp")}
        </Text>
        {shown.map((l) => (
          <IndicatorChecklist key={l} list={l} value={indicators} onChange={(v) => set("indicators", v)} />
        ))}
        {hidden.length > 0 && (
          <Group gap="xs">
            {hidden.map((l) => (
              <Chip key={l} checked={false} onChange={() => setExtraLists((x) => [...x, l])} size="xs" variant="outline">
                {t("partners.screenings.showList", { list: t(`partners.screenings.lists.${l}`) })}
              </Chip>
            ))}
          </Group>
        )}
        {indicators.length > 0 && (
          <Text size="sm" aria-live="polite" data-testid="screening-indicator-count">
            {t("partners.screenings.ticked", { count: indicators.length })}
          </Text>
        )}
        <InlineError message={errorFor("indicators")} />
        <Textarea
          label={t("partners.screenings.notes")}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          {...text("notes")}
          data-testid="screening-notes"
        />
        <FormActions
          onCancel={onClose}
          submitLabel={t("partners.screenings.add")}
          loading={add.isPending}
          testId="screening-record-submit"
        />
      </Stack>
    </form>
  );
}
