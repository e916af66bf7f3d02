import { Alert, Badge, Button, Group, Modal, Paper, Progress, Stack, Text, Textarea, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { errorMessage } from "../../api/errors";
import { BackLink, DetailFallback, DetailLayout } from "../../components/DetailLayout";
import { FormError } from "../../components/FormParts";
import { isEditor } from "../../lib/constants";
import { formatDate } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import { isApprover } from "../procedures/api";
import { type ReviewDetail, useReview, useSignReview } from "./api";
import { SignedSummary } from "./SignedSummary";
import { TaskRow } from "./TaskRow";

/** Sign-off: approvers only, once every task is done, after a confirmation that says what signing does. */
function SignPanel({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation();
  const { role } = useCurrentSession();
  const sign = useSignReview(review.id);
  const [opened, { open, close }] = useDisclosure(false);
  const [note, setNote] = useState("");
  const allDone = review.tasks.length > 0 && review.tasks.every((x) => x.status === "done");
  if (!isApprover(role)) {
    return (
      <Text size="sm" c="dimmed">
        {t("reviews.sign.approverOnly")}
      </Text>
    );
  }
  const onClose = () => {
    sign.reset();
    close();
  };
  return (
    <>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c={allDone ? undefined : "dimmed"}>
          {allDone ? t("reviews.sign.ready") : t("reviews.sign.notReady")}
        </Text>
        <Button color="green" disabled={!allDone} onClick={open} data-testid="review-sign">
          {t("reviews.sign.button")}
        </Button>
      </Group>
      <Modal opened={opened} onClose={onClose} title={t("reviews.sign.confirmTitle")} centered>
        <Stack>
          <Text size="sm">{t("reviews.sign.confirmBody")}</Text>
          <FormError message={sign.error ? errorMessage(t, sign.error) : null} />
          <Textarea
            label={t("reviews.sign.note")}
            autosize
            minRows={2}
            maxLength={4000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="review-sign-note"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              color="green"
              loading={sign.isPending}
              data-autofocus
              data-testid="review-sign-confirm"
              onClick={() =>
                sign.mutate(note.trim() || null, {
                  onSuccess: (r) => {
                    notifications.show({ color: "green", message: t("reviews.sign.done", { version: r.version }) });
                    close();
                  },
                })
              }
            >
              {t("reviews.sign.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** One annual review: tasks per MSC category, progress, sign-off, and once signed the frozen summary. */
export default function ReviewDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useCurrentSession();
  const review = useReview(id);

  const back = <BackLink to="/reviews">{t("reviews.backToList")}</BackLink>;
  if (review.isPending || review.isError) return <DetailFallback query={review} back={back} />;

  const r = review.data;
  const signed = r.status === "signed";
  const done = r.tasks.filter((x) => x.status === "done").length;
  const total = r.tasks.length;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const editable = !signed && isEditor(role);

  return (
    <DetailLayout
      back={back}
      title={t("reviews.detailTitle", { date: formatDate(r.anniversaryOn, lang) })}
      description={
        <Group gap="xs" component="span">
          <Badge component="span" color={signed ? "green" : "blue"} variant="light" data-testid="review-status" data-status={r.status}>
            {signed ? t("reviews.statuses.signed") : t("reviews.statuses.open")}
          </Badge>
          <span>{t("reviews.windowSince", { date: formatDate(r.opensOn, lang) })}</span>
        </Group>
      }
    >
      {signed ? (
        <SignedSummary review={r} />
      ) : (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} size="h4">
                {t("reviews.progressTitle")}
              </Title>
              <Text size="sm" data-testid="review-progress-text">
                {t("reviews.tasksProgress", { done, total })}
              </Text>
            </Group>
            <Progress
              value={percent}
              color={percent === 100 ? "green" : "blue"}
              size="lg"
              aria-label={t("reviews.tasksProgress", { done, total })}
              data-testid="review-progress"
            />
            <SignPanel review={r} />
          </Stack>
        </Paper>
      )}
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("reviews.tasks.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {signed ? t("reviews.tasks.signedHint") : t("reviews.tasks.hint")}
        </Text>
        {!editable && !signed && (
          <Alert color="gray" variant="light">
            {t("reviews.tasks.readOnly")}
          </Alert>
        )}
        {r.tasks.map((task) => (
          <TaskRow key={task.categoryId} reviewId={r.id} task={task} editable={editable} />
        ))}
      </Stack>
    </DetailLayout>
  );
}
