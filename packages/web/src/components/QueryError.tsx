import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";
import { errorMessage } from "../api/errors";

/** "You don't have access" for 403, a generic error with retry otherwise. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 403) {
    return (
      <Alert color="yellow" title={t("errors.noAccessTitle")} role="alert" data-testid="no-access">
        {t("errors.noAccess")}
      </Alert>
    );
  }
  if (isApiError(error) && error.status === 404) {
    return (
      <Alert color="gray" title={t("errors.notFoundTitle")} role="alert">
        {t("errors.notFound")}
      </Alert>
    );
  }
  return (
    <Alert color="red" title={t("errors.loadFailed")} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function isForbidden(error: unknown): boolean {
  return isApiError(error) && error.status === 403;
}
