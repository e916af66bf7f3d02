import { Badge, Group, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ArchiveButton } from "../../components/ArchiveButton";
import { BackLink, DetailFallback, DetailLayout } from "../../components/DetailLayout";
import { isEditor } from "../../lib/constants";
import { countryName } from "../../lib/countries";
import { useLang } from "../../lib/useLang";
import { useTabParam } from "../../lib/useTabParam";
import { useCurrentSession } from "../auth/session";
import { isApprover } from "../procedures/api";
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

/** One business partner: details and status, sites, certifications, screenings, tiers, lanes, questionnaires. */
export default function PartnerDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { role } = useCurrentSession();
  const [tab, setTab] = useTabParam(TABS);
  const partner = usePartner(id);
  const archive = useArchivePartner(id);

  const back = <BackLink to="/partners">{t("partners.backToList")}</BackLink>;
  if (partner.isPending || partner.isError) return <DetailFallback query={partner} back={back} />;
  const p = partner.data;
  const archived = !!p.archivedAt;
  const canEdit = isEditor(role) && !archived;
  const canApprove = isApprover(role) && !archived;
  const expiredCerts = p.certifications.filter((c) => c.expired).length;
  const count = (n: number) => (n > 0 ? ` (${n})` : "");

  return (
    <DetailLayout
      back={back}
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
          <ArchiveButton
            mutation={archive}
            label={t("partners.archive")}
            title={t("partners.archiveTitle")}
            message={t("partners.archiveConfirm", { name: p.name })}
            doneMessage={t("partners.archivedDone", { name: p.name })}
            onArchived={() => navigate("/partners")}
            data-testid="partner-archive"
          />
        ) : null
      }
    >
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
    </DetailLayout>
  );
}
