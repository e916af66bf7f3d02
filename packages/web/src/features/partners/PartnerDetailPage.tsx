import { Anchor, Badge, Group, Stack, Tabs } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { errorMessage } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { isEditor } from "../../lib/constants";
import { countryName } from "../../lib/countries";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { isApprover } from "../procedures/api";
import { PageLoader } from "../shell/AppLayout";
import { useArchivePartner, usePartner } from "./api";
import { CertifiedBadge, PartnerStatusBadge, RescreenBadge, RiskBadge } from "./badges";
import { CertificationsTab } from "./CertificationsTab";
import { LanesTab } from "./LanesTab";
import { OverviewTab } from "./OverviewTab";
import { QuestionnairesTab } from "./QuestionnairesTab";
import { RelationsTab } from "./RelationsTab";
import { ScreeningsTab } from "./ScreeningsTab";
import { SitesTab } from "./SitesTab";

const TABS = ["overview", "sites", "certifications", "screenings", "relations", "lanes", "questionnaires"] as const;
type Tab = (typeof TABS)[number];

/** One business partner: details and status, sites, certifications, screenings, tiers, lanes, questionnaires. */
export default function PartnerDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { role } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? "") ? (requested as Tab) : "overview";
  const partner = usePartner(id);
  const archive = useArchivePartner(id);

  const back = (
    <Anchor component={Link} to="/partners" size="sm">
      ← {t("partners.backToList")}
    </Anchor>
  );
  if (partner.isPending) return <PageLoader />;
  if (partner.isError) {
    return (
      <Stack align="flex-start">
        {back}
        <QueryError error={partner.error} onRetry={() => void partner.refetch()} />
      </Stack>
    );
  }
  const p = partner.data;
  const archived = !!p.archivedAt;
  const canEdit = isEditor(role) && !archived;
  const canApprove = isApprover(role) && !archived;
  const expiredCerts = p.certifications.filter((c) => c.expired).length;
  const count = (n: number) => (n > 0 ? ` (${n})` : "");

  const setTab = (v: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v && v !== "overview") next.set("tab", v);
        else next.delete("tab");
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="lg">
      {back}
      <PageHeader
        title={p.name}
        description={
          <Group gap="xs" component="span" data-testid="partner-header">
            <PartnerStatusBadge status={p.status} />
            <RiskBadge risk={p.riskLevel} />
            <CertifiedBadge certified={p.certified} />
            <RescreenBadge overdue={p.rescreenOverdue} />
            {p.questionnaireWaived && (
              <Badge color="teal" variant="outline" data-testid="partner-waived">
                {t("partners.waiver.badge")}
              </Badge>
            )}
            {archived && (
              <Badge color="gray" variant="filled" data-testid="partner-archived">
                {t("partners.archived")}
              </Badge>
            )}
            <span>
              {t(`partners.type.${p.type}`)} · {countryName(p.countryCode, lang)}
            </span>
          </Group>
        }
        actions={
          canEdit ? (
            <ConfirmButton
              variant="light"
              color="red"
              loading={archive.isPending}
              title={t("partners.archiveTitle")}
              message={t("partners.archiveConfirm", { name: p.name })}
              confirmLabel={t("partners.archive")}
              data-testid="partner-archive"
              onConfirm={() =>
                archive.mutate(undefined, {
                  onSuccess: () => {
                    notifications.show({ color: "green", message: t("partners.archivedDone", { name: p.name }) });
                    navigate("/partners");
                  },
                  onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
                })
              }
            >
              {t("partners.archive")}
            </ConfirmButton>
          ) : null
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List style={{ flexWrap: "wrap" }}>
          <Tabs.Tab value="overview" data-testid="partner-tab-overview">
            {t("partners.tabs.overview")}
          </Tabs.Tab>
          <Tabs.Tab value="sites" data-testid="partner-tab-sites">
            {t("partners.tabs.sites")}
            {count(p.sites.filter((s) => !s.archived).length)}
          </Tabs.Tab>
          <Tabs.Tab
            value="certifications"
            data-testid="partner-tab-certifications"
            rightSection={
              expiredCerts > 0 ? (
                <Badge
                  size="xs"
                  color="red"
                  variant="filled"
                  aria-label={t("partners.certifications.expiredCount", { count: expiredCerts })}
                >
                  {expiredCerts}
                </Badge>
              ) : undefined
            }
          >
            {t("partners.tabs.certifications")}
            {count(p.certifications.length)}
          </Tabs.Tab>
          <Tabs.Tab value="screenings" data-testid="partner-tab-screenings">
            {t("partners.tabs.screenings")}
            {count(p.screenings.length)}
          </Tabs.Tab>
          <Tabs.Tab value="relations" data-testid="partner-tab-relations">
            {t("partners.tabs.relations")}
            {count(p.suppliers.length + p.customers.length)}
          </Tabs.Tab>
          <Tabs.Tab value="lanes" data-testid="partner-tab-lanes">
            {t("partners.tabs.lanes")}
            {count(p.lanes.length)}
          </Tabs.Tab>
          <Tabs.Tab value="questionnaires" data-testid="partner-tab-questionnaires">
            {t("partners.tabs.questionnaires")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab partner={p} canEdit={canEdit} canApprove={canApprove} />
        </Tabs.Panel>
        <Tabs.Panel value="sites" pt="md">
          <SitesTab partner={p} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="certifications" pt="md">
          <CertificationsTab partner={p} canEdit={canEdit} canApprove={canApprove} />
        </Tabs.Panel>
        <Tabs.Panel value="screenings" pt="md">
          <ScreeningsTab partner={p} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="relations" pt="md">
          <RelationsTab partner={p} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="lanes" pt="md">
          <LanesTab partner={p} />
        </Tabs.Panel>
        <Tabs.Panel value="questionnaires" pt="md">
          <QuestionnairesTab partner={p} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
