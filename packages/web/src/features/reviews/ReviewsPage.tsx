import { Alert, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../api/errors";
import { EmptyState } from "../../components/EmptyState";
import { IconVault } from "../../components/icons";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryError } from "../../components/QueryError";
import { isAdmin, isEditor } from "../../lib/constants";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { type ReviewOverview, useOpenReview, useReviewOverview } from "./api";
import { daysUntil } from "./dates";
import { ReviewsTable } from "./ReviewsTable";

/** No anniversary date yet: the review cycle cannot start until an admin sets it on the company page. */
function NoAnniversary() {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  return (
    <EmptyState
      icon={<IconVault size={26} />}
      title={t("reviews.noAnniversary.title")}
      body={t("reviews.noAnniversary.body")}
      data-testid="reviews-no-anniversary"
    >
      {isAdmin(role) ? (
        <Button component={Link} to="/company" data-testid="reviews-set-anniversary">
          {t("reviews.noAnniversary.cta")}
        </Button>
      ) : (
        <Text size="sm">{t("reviews.noAnniversary.askAdmin")}</Text>
      )}
    </EmptyState>
  );
}

/** The anniversary, the countdown and whether the review window is open; the button to open the review. */
function CycleCard({ data }: { data: ReviewOverview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { role } = useCurrentSession();
  const open = useOpenReview();
  const toAnniversary = daysUntil(data.nextAnniversary);
  const toWindow = daysUntil(data.windowOpensOn);
  const current = data.items.find((r) => r.anniversaryOn === data.nextAnniversary);

  const onOpen = () =>
    open.mutate(undefined, {
      onSuccess: (r) => {
        notifications.show({ color: "green", message: t("reviews.opened") });
        navigate(`/reviews/${r.id}`);
      },
      onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
    });

  return (
    <Card withBorder padding="lg" data-testid="reviews-cycle" data-window-open={data.windowOpen ? "true" : "false"}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t("reviews.cycle.anniversary")}
          </Text>
          <Text fw={600}>{formatDate(data.anniversaryDate, lang)}</Text>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t("reviews.cycle.next")}
          </Text>
          <Text fw={600}>{formatDate(data.nextAnniversary, lang)}</Text>
          {toAnniversary !== null && (
            <Text size="sm" data-testid="reviews-countdown">
              {toAnniversary === 0 ? t("reviews.cycle.today") : t("reviews.cycle.inDays", { count: toAnniversary })}
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t("reviews.cycle.window")}
          </Text>
          {data.windowOpen ? (
            <Badge color="green" size="lg" variant="light">
              {t("reviews.cycle.windowOpen")}
            </Badge>
          ) : (
            <>
              <Badge color="gray" size="lg" variant="light">
                {t("reviews.cycle.windowClosed")}
              </Badge>
              {toWindow !== null && (
                <Text size="sm">{t("reviews.cycle.opensIn", { date: formatDate(data.windowOpensOn, lang), count: toWindow })}</Text>
              )}
            </>
          )}
        </Stack>
      </SimpleGrid>
      <Group mt="md" gap="sm">
        {current ? (
          <Button
            component={Link}
            to={`/reviews/${current.id}`}
            variant={current.status === "signed" ? "default" : "filled"}
            data-testid="reviews-continue"
          >
            {current.status === "signed" ? t("reviews.cycle.viewSigned") : t("reviews.cycle.continue")}
          </Button>
        ) : data.windowOpen && isEditor(role) ? (
          <Button onClick={onOpen} loading={open.isPending} data-testid="reviews-open">
            {t("reviews.cycle.open")}
          </Button>
        ) : data.windowOpen ? (
          <Text size="sm" c="dimmed">
            {t("reviews.cycle.askEditor")}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("reviews.cycle.notYet")}
          </Text>
        )}
      </Group>
    </Card>
  );
}

/** The annual Security Profile review: the cycle and every review signed so far. */
export default function ReviewsPage() {
  const { t } = useTranslation();
  const overview = useReviewOverview();
  const signed = overview.data?.items.filter((r) => r.status === "signed") ?? [];

  return (
    <>
      <PageHeader
        title={t("reviews.title")}
        description={t("reviews.description")}
        actions={
          signed.length > 0 ? (
            <Button component={Link} to="/reviews/compare" variant="default" data-testid="reviews-compare">
              {t("reviews.compare.open")}
            </Button>
          ) : null
        }
      />
      {overview.isPending ? (
        <PageLoader />
      ) : overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : !overview.data.anniversaryDate ? (
        <NoAnniversary />
      ) : (
        <Stack gap="lg">
          <CycleCard data={overview.data} />
          <Paper withBorder>
            <Title order={2} size="h4" p="md" pb={0}>
              {t("reviews.history")}
            </Title>
            {overview.data.items.length === 0 ? (
              <Alert color="gray" variant="white" data-testid="reviews-empty">
                {t("reviews.noReviews")}
              </Alert>
            ) : (
              <ReviewsTable items={overview.data.items} />
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}
