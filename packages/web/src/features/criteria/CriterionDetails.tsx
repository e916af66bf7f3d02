import { Badge, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Language } from "../../i18n";
import { LOCALE_TAG } from "../../i18n";
import { ENTITY_TYPES, type EntityType } from "../../lib/constants";
import { formatDate, parseIsoDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import type { ApplicabilityView, Certainty, CriterionView, EffectiveChangeView, Provenance, RequirementLevel } from "./api";
import { CertaintyBadge, LevelBadge } from "./badges";

/** "March 2023" when the source only gives a month, else the usual date. */
function changeDate(c: EffectiveChangeView, lang: Language): string {
  if (c.datePrecision !== "month") return formatDate(c.date, lang);
  const d = parseIsoDate(c.date);
  return d ? new Intl.DateTimeFormat(LOCALE_TAG[lang], { month: "long", year: "numeric", timeZone: "UTC" }).format(d) : c.date;
}

function SectionTitle({ children }: { children: string }) {
  return (
    <Title order={3} size="h6" tt="uppercase" c="dimmed">
      {children}
    </Title>
  );
}

/** Implementation guidance in the UI language, marked when it is our suggestion rather than CBP's. */
export function GuidanceBlock({ criterion }: { criterion: CriterionView }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <SectionTitle>{t("criteria.guidance")}</SectionTitle>
        {criterion.guidance.basis === "editorial" && (
          <Badge size="xs" variant="outline" color="gray">
            {t("criteria.editorial")}
          </Badge>
        )}
      </Group>
      <Text size="sm">{criterion.guidance[lang] || criterion.guidance.en}</Text>
    </Stack>
  );
}

/** Certainty, sources and note of a fact. */
export function ProvenanceBlock({ provenance }: { provenance: Provenance }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="criterion-provenance">
      <Group gap="xs">
        <SectionTitle>{t("criteria.provenance")}</SectionTitle>
        <CertaintyBadge certainty={provenance.certainty} />
      </Group>
      <List size="xs" spacing={2} c="dimmed">
        {provenance.sources.map((s) => (
          <List.Item key={s}>{s}</List.Item>
        ))}
      </List>
      {provenance.note && (
        <Text size="xs" c="dimmed" fs="italic">
          {provenance.note}
        </Text>
      )}
    </Stack>
  );
}

interface ApplicabilityRow {
  key: string;
  entityTypes: EntityType[];
  level: RequirementLevel | null;
  certainty: Certainty;
  mixed: boolean;
  detail: string;
}

/** Entity types that share level, certainty and source are one row: most criteria read the same for all. */
function applicabilityRows(criterion: CriterionView): ApplicabilityRow[] {
  const rows = new Map<string, ApplicabilityRow>();
  const add = (et: EntityType, level: RequirementLevel | null, certainty: Certainty, mixed: boolean, detail: string) => {
    const key = [level, certainty, mixed, detail].join("|");
    const row = rows.get(key) ?? { key, entityTypes: [], level, certainty, mixed, detail };
    row.entityTypes.push(et);
    rows.set(key, row);
  };
  for (const [et, a] of Object.entries(criterion.applicability) as [EntityType, ApplicabilityView][]) {
    add(et, a.level, a.certainty, !!a.mixed, a.note ? `${a.source} — ${a.note}` : a.source);
  }
  for (const u of criterion.levelUnknown) {
    for (const et of u.entityTypes) add(et, null, u.certainty, false, `${u.source} — ${u.note}`);
  }
  return [...rows.values()];
}

/** Which entity types the criterion applies to, at which level and on what source. */
export function ApplicabilityTable({ criterion }: { criterion: CriterionView }) {
  const { t } = useTranslation();
  const rows = applicabilityRows(criterion);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("criteria.noApplicability")}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={4} fz="sm" data-testid="criterion-applicability">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("criteria.entityType")}</Table.Th>
            <Table.Th>{t("criteria.levelLabel")}</Table.Th>
            <Table.Th>{t("criteria.certaintyLabel")}</Table.Th>
            <Table.Th>{t("criteria.source")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td maw={260}>
                {r.entityTypes.length === ENTITY_TYPES.length
                  ? t("criteria.allTypes")
                  : r.entityTypes.map((et) => t(`entityTypes.${et}`, { defaultValue: et })).join(", ")}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <LevelBadge level={r.level} size="sm" />
                  {r.mixed && (
                    <Text size="xs" c="dimmed">
                      {t("criteria.mixed")}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <CertaintyBadge certainty={r.certainty} size="xs" />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {r.detail}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Dated changes: when the criterion was added, or became Must or Should. */
export function EffectiveChanges({ criterion }: { criterion: CriterionView }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (criterion.effectiveChanges.length === 0) return null;
  return (
    <Stack gap={4}>
      <SectionTitle>{t("criteria.changes")}</SectionTitle>
      <List size="sm" spacing={4} data-testid="criterion-changes">
        {criterion.effectiveChanges.map((c) => (
          <List.Item key={`${c.date}-${c.change}-${c.entityTypes.join(",")}`}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" span>
                {t(`criteria.change.${c.change}`, { date: changeDate(c, lang) })}
              </Text>
              <Text size="xs" c="dimmed" span>
                ({c.entityTypes.map((et) => t(`entityTypes.${et}`, { defaultValue: et })).join(", ")})
              </Text>
              <CertaintyBadge certainty={c.certainty} size="xs" />
            </Group>
            {c.note && (
              <Text size="xs" c="dimmed">
                {c.note}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Everything about a criterion below its requirement: guidance, applicability, changes, provenance. */
export function CriterionDetails({ criterion, withGuidance = true }: { criterion: CriterionView; withGuidance?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {withGuidance && <GuidanceBlock criterion={criterion} />}
      <Stack gap={4}>
        <SectionTitle>{t("criteria.applicability")}</SectionTitle>
        <ApplicabilityTable criterion={criterion} />
      </Stack>
      <EffectiveChanges criterion={criterion} />
      {criterion.yearlyReview && (
        <Text size="sm" c="dimmed">
          {t("criteria.yearlyReview")}
        </Text>
      )}
      <ProvenanceBlock provenance={criterion.provenance} />
    </Stack>
  );
}
