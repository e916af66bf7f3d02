import { lazy } from "react";
import { Route, Routes } from "react-router";
import { RequireAuth } from "./features/auth/RequireAuth";
import { AppLayout } from "./features/shell/AppLayout";

const LoginPage = lazy(() => import("./features/auth/LoginPage"));
const DashboardPage = lazy(() => import("./features/dashboard/DashboardPage"));
const SitesPage = lazy(() => import("./features/sites/SitesPage"));
const SiteDetailPage = lazy(() => import("./features/sites/SiteDetailPage"));
const CompanyPage = lazy(() => import("./features/company/CompanyPage"));
const UsersPage = lazy(() => import("./features/users/UsersPage"));
const TokensPage = lazy(() => import("./features/tokens/TokensPage"));
const AuditPage = lazy(() => import("./features/audit/AuditPage"));
const CriteriaPage = lazy(() => import("./features/criteria/CriteriaPage"));
const SecurityProfilePage = lazy(() => import("./features/profile/SecurityProfilePage"));
const ProfileItemPage = lazy(() => import("./features/profile/ProfileItemPage"));
const FrameworksPage = lazy(() => import("./features/frameworks/FrameworksPage"));
const FrameworkDetailPage = lazy(() => import("./features/frameworks/FrameworkDetailPage"));
const EvidencePage = lazy(() => import("./features/evidence/EvidencePage"));
const EvidenceDetailPage = lazy(() => import("./features/evidence/EvidenceDetailPage"));
const ProceduresPage = lazy(() => import("./features/procedures/ProceduresPage"));
const ProcedureDetailPage = lazy(() => import("./features/procedures/ProcedureDetailPage"));
const ReviewsPage = lazy(() => import("./features/reviews/ReviewsPage"));
const ReviewComparePage = lazy(() => import("./features/reviews/ReviewComparePage"));
const ReviewDetailPage = lazy(() => import("./features/reviews/ReviewDetailPage"));
const PartnersPage = lazy(() => import("./features/partners/PartnersPage"));
const PartnerDetailPage = lazy(() => import("./features/partners/PartnerDetailPage"));
const ScreeningPage = lazy(() => import("./features/partners/ScreeningPage"));
const ImportsPage = lazy(() => import("./features/partners/ImportsPage"));
const SupplyChainPage = lazy(() => import("./features/supply-chain/SupplyChainPage"));
const LanesPage = lazy(() => import("./features/supply-chain/LanesPage"));
const LaneDetailPage = lazy(() => import("./features/supply-chain/LaneDetailPage"));
const QuestionnairesPage = lazy(() => import("./features/questionnaires/QuestionnairesPage"));
const QuestionnaireDetailPage = lazy(() => import("./features/questionnaires/QuestionnaireDetailPage"));
const PartnerQuestionnairePage = lazy(() => import("./features/partner-portal/PartnerQuestionnairePage"));
const NotFoundPage = lazy(() => import("./features/shell/NotFoundPage"));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/q/:token" element={<PartnerQuestionnairePage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="sites" element={<SitesPage />} />
        <Route path="sites/:id" element={<SiteDetailPage />} />
        <Route path="company" element={<CompanyPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="criteria" element={<CriteriaPage />} />
        <Route path="profile" element={<SecurityProfilePage />} />
        <Route path="profile/:criterionId" element={<ProfileItemPage />} />
        <Route path="frameworks" element={<FrameworksPage />} />
        <Route path="frameworks/:id" element={<FrameworkDetailPage />} />
        <Route path="evidence" element={<EvidencePage />} />
        <Route path="evidence/:id" element={<EvidenceDetailPage />} />
        <Route path="procedures" element={<ProceduresPage />} />
        <Route path="procedures/:id" element={<ProcedureDetailPage />} />
        <Route path="reviews" element={<ReviewsPage />} />
        <Route path="reviews/compare" element={<ReviewComparePage />} />
        <Route path="reviews/:id" element={<ReviewDetailPage />} />
        <Route path="partners" element={<PartnersPage />} />
        <Route path="partners/:id" element={<PartnerDetailPage />} />
        <Route path="screening" element={<ScreeningPage />} />
        <Route path="imports" element={<ImportsPage />} />
        <Route path="supply-chain" element={<SupplyChainPage />} />
        <Route path="lanes" element={<LanesPage />} />
        <Route path="lanes/:id" element={<LaneDetailPage />} />
        <Route path="questionnaires" element={<QuestionnairesPage />} />
        <Route path="questionnaires/:id" element={<QuestionnaireDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
