import { Checkbox, Chip, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, formError } from "../../api/errors";
import { FormActions, FormError } from "../../components/FormParts";
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
  const phone = useMediaQuery("(max-width: 36em)");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("partners.screenings.newTitle")}
      size="xl"
      fullScreen={!!phone}
      closeOnClickOutside={false}
    >
      {opened && <RecordForm partnerId={partnerId} onClose={onClose} />}
    </Modal>
  );
}

function RecordForm({ partnerId, onClose }: { partnerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddScreening(partnerId);
  const [kind, setKind] = useState<ScreeningKind>("due-diligence");
  const [result, setResult] = useState<ScreeningResult>("pass");
  const [performedOn, setPerformedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [indicators, setIndicators] = useState<string[]>([]);
  const [notes, setNotes] = useState("");
  const [extraLists, setExtraLists] = useState<IndicatorList[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = useMemo(() => fieldErrors(t, add.error, FIELDS), [t, add.error]);
  const errorFor = (f: string) => errors[f] ?? serverErrors[f];
  // A list stays open while one of its signs is ticked, so a kind change never hides what will be recorded.
  const ticked = new Set(WARNING_INDICATORS.filter((i) => indicators.includes(i.code)).map((i) => i.list));
  const shown = LISTS.filter((l) => indicatorListsFor(kind).includes(l) || extraLists.includes(l) || ticked.has(l));
  const hidden = LISTS.filter((l) => !shown.includes(l));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(performedOn)) errs.performedOn = t("validation.date");
    else if (performedOn > new Date().toISOString().slice(0, 10)) errs.performedOn = t("partners.certifications.notFuture");
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
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
            onChange={(v) => v && setKind(v as ScreeningKind)}
            error={errorFor("kind")}
            data-testid="screening-kind"
          />
          <TextInput
            type="date"
            label={t("partners.screenings.performedOn")}
            required
            name="performedOn"
            value={performedOn}
            onChange={(e) => setPerformedOn(e.currentTarget.value)}
            error={errorFor("performedOn")}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="screening-result-label">
            {t("partners.screenings.resultLabel")}
          </Text>
          <SegmentedControl
            aria-labelledby="screening-result-label"
            data={SCREENING_RESULTS.map((r) => ({ value: r, label: t(`partners.screenings.result.${r}`) }))}
            value={result}
            onChange={(v) => setResult(v as ScreeningResult)}
            color={result === "fail" ? "red" : result === "concern" ? "yellow" : "green"}
            autoContrast
            data-testid="screening-result-input"
          />
        </Stack>
        <Text size="xs" c="dimmed">
          {t("partners.screenings.indicatorsHelp")}
        </Text>
        {shown.map((l) => (
          <IndicatorChecklist key={l} list={l} value={indicators} onChange={setIndicators} />
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
        {errorFor("indicators") && (
          <Text size="sm" c="red" role="alert">
            {errorFor("indicators")}
          </Text>
        )}
        <Textarea
          label={t("partners.screenings.notes")}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={errorFor("notes")}
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
