import { Anchor, Checkbox, Grid, Paper, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../api/errors";
import { formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { MemberSelect } from "../procedures/MemberSelect";
import { type ReviewTask, type TaskPatch, useUpdateTask } from "./api";

/**
 * One category's review task: who reviews it, a note, and "done". Each change saves at once (the note
 * when the field loses focus) so several people can work through the list together.
 */
export function TaskRow({ reviewId, task, editable }: { reviewId: string; task: ReviewTask; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const update = useUpdateTask(reviewId);
  const [note, setNote] = useState(task.note ?? "");
  const name = task.name[lang] || task.name.en;

  const save = (patch: TaskPatch) =>
    update.mutate(
      { categoryId: task.categoryId, patch },
      { onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }) },
    );

  const done = task.status === "done";
  // The box follows the click at once; the saved state (or a rollback) replaces it when the server answers.
  const [checked, setChecked] = useState(done);
  useEffect(() => setChecked(done), [done]);
  return (
    <Paper withBorder p="sm" data-testid="review-task" data-category={task.categoryId} data-done={done ? "true" : "false"}>
      <Grid align="flex-start" gutter="sm">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap={2}>
            <Checkbox
              checked={checked}
              disabled={!editable}
              onChange={(e) => {
                const next = e.currentTarget.checked;
                setChecked(next);
                save({ status: next ? "done" : "open" });
              }}
              label={
                <Text fw={500} size="sm" td={done ? "line-through" : undefined}>
                  {task.categoryId}. {name}
                </Text>
              }
              data-testid="review-task-done"
            />
            <Text size="xs" c="dimmed" pl={30}>
              {done && task.completedAt
                ? t("reviews.tasks.doneBy", {
                    name: task.completedBy?.displayName ?? t("evidence.unknownPerson"),
                    date: formatDateTime(task.completedAt, lang),
                  })
                : t("reviews.tasks.open")}
            </Text>
            <Anchor component={Link} to={`/profile?categoryId=${task.categoryId}`} size="xs" pl={30}>
              {t("reviews.tasks.openCategory")}
            </Anchor>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5, md: 3 }}>
          <MemberSelect
            label={t("reviews.tasks.owner")}
            size="xs"
            value={task.owner?.id ?? null}
            current={task.owner}
            limitedHint={false}
            readOnly={!editable}
            onChange={(v) => save({ ownerUserId: v })}
            data-testid="review-task-owner"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7, md: 5 }}>
          <Textarea
            label={t("reviews.tasks.note")}
            size="xs"
            autosize
            minRows={1}
            maxRows={6}
            maxLength={4000}
            readOnly={!editable}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            onBlur={() => {
              if (editable && note.trim() !== (task.note ?? "")) save({ note: note.trim() || null });
            }}
            data-testid="review-task-note"
          />
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
