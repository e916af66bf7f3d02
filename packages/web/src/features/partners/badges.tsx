import { Badge, type BadgeProps, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Certified, PartnerStatus, RiskLevel, ScreeningResult } from "./domain";

const STATUS_COLOR: Record<PartnerStatus, string> = {
  prospect: "gray",
  screening: "blue",
  approved: "green",
  suspended: "orange",
  terminated: "dark",
};

/** Where a partner is in its lifecycle (children replace the status name, e.g. to add a count). */
export function PartnerStatusBadge({ status, children, ...props }: { status: PartnerStatus; "data-count"?: number } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="partner-status-badge" data-status={status} {...props}>
      {children ?? t(`partners.status.${status}`)}
    </Badge>
  );
}

const RISK_COLOR: Record<RiskLevel, string> = { low: "teal", medium: "yellow", high: "red" };

/** Low / medium / high risk; high is filled so it stands out in a long list. */
export function RiskBadge({ risk, ...props }: { risk: RiskLevel } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={RISK_COLOR[risk]}
      variant={risk === "high" ? "filled" : "light"}
      data-testid="partner-risk-badge"
      data-risk={risk}
      {...props}
    >
      {t(`partners.risk.${risk}`)}
    </Badge>
  );
}

const CERTIFIED_COLOR: Record<Certified, string> = { ctpat: "green", mra: "teal", none: "gray", expired: "red" };

/** CTPAT, MRA (a recognized foreign program), none, or an expired certification (an alert). */
export function CertifiedBadge({ certified, ...props }: { certified: Certified } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Tooltip
      label={t(`partners.certifiedHelp.${certified}`)}
      multiline
      w={260}
      withArrow
      events={{ hover: true, focus: true, touch: true }}
    >
      <Badge
        tabIndex={0}
        color={CERTIFIED_COLOR[certified]}
        variant={certified === "expired" ? "filled" : "light"}
        data-testid="partner-certified-badge"
        data-certified={certified}
        {...props}
      >
        {t(`partners.certified.${certified}`)}
      </Badge>
    </Tooltip>
  );
}

const RESULT_COLOR: Record<ScreeningResult, string> = { pass: "green", concern: "yellow", fail: "red" };

/** Outcome of a due-diligence record. */
export function ScreeningResultBadge({ result }: { result: ScreeningResult }) {
  const { t } = useTranslation();
  return (
    <Badge color={RESULT_COLOR[result]} variant="light" data-testid="screening-result" data-result={result}>
      {t(`partners.screenings.result.${result}`)}
    </Badge>
  );
}

/** "Rescreen due" / "overdue" flag next to a date. */
export function RescreenBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return (
    <Badge color="red" variant="light" size="sm" data-testid="partner-rescreen-overdue">
      {t("partners.rescreenOverdue")}
    </Badge>
  );
}
