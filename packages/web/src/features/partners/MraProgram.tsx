import { Badge, Group, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Language } from "../../i18n";
import { useLang } from "../../lib/useLang";
import { CertaintyBadge } from "../criteria/badges";
import type { MraProgram } from "./api";

/** "Mexico — SAT … (2014)": how a program is named in selects and tables. */
export function mraLabel(p: MraProgram, lang: Language): string {
  return `${p.partner[lang]} — ${p.program} (${p.signed.slice(0, 4)})`;
}

/** A badge that explains, on hover, focus or touch, where the sources disagree about the arrangement. */
export function DisputedBadge({ note }: { note: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip
      label={t("partners.certifications.disputedHelp", { note })}
      multiline
      w={300}
      withArrow
      events={{ hover: true, focus: true, touch: true }}
    >
      <Badge
        tabIndex={0}
        size="sm"
        color="orange"
        variant="outline"
        aria-label={t("partners.certifications.disputedHelp", { note })}
        style={{ cursor: "help" }}
        data-testid="mra-disputed"
      >
        {t("partners.certifications.disputed")}
      </Badge>
    </Tooltip>
  );
}

/** What is known of one arrangement: country, program, when it was signed, and how sure the sources are. */
export function MraFacts({ program, compact }: { program: MraProgram; compact?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap={4} data-testid="mra-facts" data-program={program.id}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={compact ? 400 : 500}>
          {program.partner[lang]}
        </Text>
        <Text size="xs" c="dimmed">
          {t("partners.certifications.signed", { date: program.signed })}
        </Text>
        <CertaintyBadge certainty={program.certainty} size="xs" />
        {program.disputed && <DisputedBadge note={program.disputed} />}
      </Group>
      {!compact && (
        <Text size="xs" c="dimmed">
          {t("partners.certifications.sources", { sources: program.sources.join("; ") })}
        </Text>
      )}
    </Stack>
  );
}
