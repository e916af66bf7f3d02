import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import { FormError } from "../../components/FormParts";

export interface TextModalValues {
  body: string;
  note: string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  intro?: string;
  /** Show the large text area (procedure text); without it only the note is asked. */
  withBody: boolean;
  initialBody?: string;
  initialNote?: string;
  noteLabel: string;
  noteRequired: boolean;
  submitLabel: string;
  submitColor?: string;
  submitting: boolean;
  error: unknown;
  testId: string;
  onSubmit: (v: TextModalValues) => void;
}

/** One dialog for the workflow's text inputs: a new version, editing the draft, or a rejection comment. */
export function TextModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      size={props.withBody ? "xl" : "md"}
      closeOnClickOutside={false}
    >
      {props.opened && <TextForm {...props} />}
    </Modal>
  );
}

function TextForm(p: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState(p.initialBody ?? "");
  const [note, setNote] = useState(p.initialNote ?? "");
  const [errors, setErrors] = useState<{ body?: string; note?: string }>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: { body?: string; note?: string } = {};
    if (p.withBody && !body.trim()) errs.body = t("validation.required");
    if (p.noteRequired && !note.trim()) errs.note = t("validation.required");
    setErrors(errs);
    if (errs.body || errs.note) return;
    p.onSubmit({ body, note: note.trim() });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {p.intro && (
          <Text size="sm" c="dimmed">
            {p.intro}
          </Text>
        )}
        <FormError message={p.error ? errorMessage(t, p.error) : null} />
        {p.withBody && (
          <Textarea
            label={t("procedures.fields.body")}
            description={t("procedures.form.bodyHint")}
            required
            autosize
            minRows={10}
            maxRows={24}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            value={body}
            error={errors.body}
            onChange={(e) => setBody(e.currentTarget.value)}
            data-testid={`${p.testId}-body`}
          />
        )}
        {p.withBody ? (
          <TextInput
            label={p.noteLabel}
            required={p.noteRequired}
            maxLength={1000}
            value={note}
            error={errors.note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid={`${p.testId}-note`}
          />
        ) : (
          <Textarea
            label={p.noteLabel}
            required={p.noteRequired}
            autosize
            minRows={3}
            maxLength={2000}
            value={note}
            error={errors.note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
            data-testid={`${p.testId}-note`}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color={p.submitColor} loading={p.submitting} data-testid={`${p.testId}-submit`}>
            {p.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
