import { type ChangeEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/errors";

/** The keys of `V` whose values are plain strings (the ones a text input edits). */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/**
 * Props that bind a TextInput or Textarea to one string field: its name, value, error and change handler.
 * `set` and `errorFor` are the form's own, so forms with their own error rules can use it too.
 */
export function bindText<V>(
  values: V,
  set: <K extends keyof V>(key: K, value: V[K]) => void,
  errorFor: (field: string) => string | undefined,
) {
  return <K extends TextKey<V>>(key: K) => ({
    name: key,
    value: values[key] as string,
    error: errorFor(key),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value as V[K]),
  });
}

interface FormFieldsOptions {
  /**
   * Hide the server's error on a field once the user edits it (the edit may be the fix), until the next check
   * that lets the form be sent. Without it a server error stays until the server answers again.
   */
  hideServerErrorOnEdit?: boolean;
}

/**
 * The state of a form: its values, the client-side errors (each cleared when its field changes) and the
 * server's validation issues mapped onto `fields`. A client error wins over the server's for the same field.
 */
export function useFormFields<V extends object>(
  initial: () => V,
  serverError: unknown,
  fields: readonly string[],
  { hideServerErrorOnEdit = false }: FormFieldsOptions = {},
) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const serverErrors = useMemo(() => fieldErrors(t, serverError, fields), [t, serverError, fields]);
  const errorFor = (field: string): string | undefined =>
    errors[field] ?? (hideServerErrorOnEdit && edited.has(field) ? undefined : serverErrors[field]);
  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((old) => ({ ...old, [key]: value }));
    setErrors(({ [key as string]: _gone, ...rest }) => rest);
    if (hideServerErrorOnEdit) setEdited((old) => new Set(old).add(key as string));
  };
  /** Show the client-side check's errors; true when there are none and the form may be sent. */
  const check = (errs: Record<string, string>): boolean => {
    setErrors(errs);
    const ok = Object.keys(errs).length === 0;
    if (ok && hideServerErrorOnEdit) setEdited(new Set());
    return ok;
  };
  return { values, set, errorFor, serverErrors, check, text: bindText(values, set, errorFor) };
}
