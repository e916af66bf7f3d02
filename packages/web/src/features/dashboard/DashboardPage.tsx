import { Badge, SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { isAdmin, isEditor } from "../../lib/constants";
import { nextAnniversary } from "../../lib/dates";
import { useCheckpoints } from "../audit/api";
import { useCurrentSession } from "../auth/session";
import { useTenant } from "../company/api";
import { UpcomingCard } from "../notifications/UpcomingCard";
import { PartnersCard } from "../partners/PartnersCard";
import { ProfileSummaryCard } from "../profile/ProfileSummaryCard";
import { useActiveSiteCount, useChainStatus } from "./api";
import { CompanyCard } from "./CompanyCard";
import { NextSteps, type Step } from "./NextSteps";
import { StatCard } from "./StatCard";

export default function DashboardPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const tenant = useTenant();
  const sites = useActiveSiteCount();
  const chain = useChainStatus();
  const checkpoints = useCheckpoints();

  const steps: Step[] = [];
  if (sites.data === 0) {
    steps.push({
      key: "add-site",
      to: "/sites",
      label: t("dashboard.nextSteps.addSite"),
      hint: isEditor(session.role) ? t("dashboard.nextSteps.addSiteHint") : t("dashboard.nextSteps.askEditor"),
    });
  }
  const tn = tenant.data;
  if (tn && (!tn.ctpatAccountNumber || tn.entityTypes.length === 0 || !tn.anniversaryDate || !tn.countryCode)) {
    steps.push({
      key: "complete-profile",
      to: "/company",
      label: t("dashboard.nextSteps.completeProfile"),
      hint: isAdmin(session.role) ? t("dashboard.nextSteps.completeProfileHint") : t("dashboard.nextSteps.askAdmin"),
    });
  }
  const next = nextAnniversary(tn?.anniversaryDate);
  if (next && next.days <= 90) {
    steps.push({
      key: "annual-review",
      to: "/company",
      label: t("dashboard.nextSteps.annualReview", { count: next.days }),
      hint: t("dashboard.nextSteps.annualReviewHint"),
    });
  }
  if (checkpoints.data && checkpoints.data.items.length === 0) {
    steps.push({
      key: "checkpoint",
      to: "/audit",
      label: t("dashboard.nextSteps.checkpoint"),
      hint: t("dashboard.nextSteps.checkpointHint"),
    });
  }

  const chainValue =
    chain.data === undefined ? undefined : (
      <Badge size="lg" color={chain.data.ok ? "green" : "red"} data-ok={chain.data.ok ? "true" : "false"}>
        {chain.data.ok ? t("dashboard.chainIntact") : t("dashboard.chainBroken")}
      </Badge>
    );

  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        description={t("dashboard.welcome", { name: session.user.displayName || session.user.email })}
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <StatCard
            label={t("dashboard.activeSites")}
            value={sites.data}
            error={sites.error}
            to="/sites"
            linkLabel={t("dashboard.view")}
            testId="dashboard-sites"
          />
          <StatCard
            label={t("dashboard.auditEvents")}
            value={chain.data?.events}
            error={chain.error}
            to="/audit"
            linkLabel={t("dashboard.view")}
            testId="dashboard-events"
          />
          <StatCard
            label={t("dashboard.chainStatus")}
            value={chainValue}
            error={chain.error}
            to="/audit"
            linkLabel={t("dashboard.view")}
            testId="dashboard-chain"
          />
        </SimpleGrid>
        {tenant.isPending ? (
          <PageLoader />
        ) : tenant.isError ? (
          <QueryError error={tenant.error} onRetry={() => void tenant.refetch()} />
        ) : (
          <CompanyCard tenant={tenant.data} />
        )}
        <ProfileSummaryCard />
        <PartnersCard />
        <UpcomingCard />
        {sites.isPending || tenant.isPending || checkpoints.isPending ? null : <NextSteps steps={steps} />}
      </Stack>
    </>
  );
}
