import { ActionIcon, Badge, Code, CopyButton, Group, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IconCheck, IconCopy } from "../../components/icons";
import { type Language, LOCALE_TAG } from "../../i18n";
import type { EvidenceStatus } from "./api";

const STATUS_COLOR: Record<EvidenceStatus, string> = {
  valid: "green",
  expiring: "orange",
  expired: "red",
  "no-expiry": "gray",
};

/** Valid / expiring / expired / no expiry, colored; the text always says it (color is never the only cue). */
export function EvidenceStatusBadge({ status }: { status: EvidenceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" color={STATUS_COLOR[status] ?? "gray"} variant="light" data-testid="evidence-status" data-status={status}>
      {t(`evidence.statuses.${status}`)}
    </Badge>
  );
}

/** "2.4 MB" in the UI language. */
export function formatBytes(bytes: number, lang: Language): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return new Intl.NumberFormat(LOCALE_TAG[lang], {
    style: "unit",
    unit: units[i],
    unitDisplay: i === 0 ? "long" : "short",
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

/** A SHA-256 shortened to its first 12 characters, the full value in a tooltip and a copy button. */
export function HashCode({ sha256, testId }: { sha256: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={sha256} multiline maw={320} style={{ wordBreak: "break-all" }}>
        <Code data-testid={testId} data-sha256={sha256}>
          {sha256.slice(0, 12)}…
        </Code>
      </Tooltip>
      <CopyButton value={sha256} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t("common.copied") : t("evidence.copyHash")}>
            <ActionIcon
              variant="subtle"
              color={copied ? "green" : "gray"}
              size="sm"
              onClick={copy}
              aria-label={copied ? t("common.copied") : t("evidence.copyHash")}
            >
              {copied ? <IconCheck /> : <IconCopy />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
