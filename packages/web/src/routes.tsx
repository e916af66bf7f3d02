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
const NotFoundPage = lazy(() => import("./features/shell/NotFoundPage"));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
