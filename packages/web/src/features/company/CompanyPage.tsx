import { Alert, Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { isAdmin } from "../../lib/constants";
import { useCurrentSession } from "../auth/session";
import { useTenant } from "./api";
import { CompanyForm } from "./CompanyForm";

export default function CompanyPage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const tenant = useTenant();
  const canEdit = isAdmin(role);

  return (
    <>
      <PageHeader title={t("company.title")} description={t("company.description")} />
      {!canEdit && (
        <Alert color="blue" mb="md" data-testid="company-readonly">
          {t("company.readOnly")}
        </Alert>
      )}
      {tenant.isPending ? (
        <PageLoader />
      ) : tenant.isError ? (
        <QueryError error={tenant.error} onRetry={() => void tenant.refetch()} />
      ) : (
        <Paper withBorder p="lg">
          <CompanyForm key={`${tenant.data.id}:${tenant.data.updatedAt}`} tenant={tenant.data} canEdit={canEdit} />
        </Paper>
      )}
    </>
  );
}
