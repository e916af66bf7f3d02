import { notifications } from "@mantine/notifications";
import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

interface Options<TBody, TUpdate> {
  /** The record being edited; null when adding one. */
  editingId: string | null;
  add: UseMutationResult<unknown, Error, TBody>;
  update: UseMutationResult<unknown, Error, TUpdate>;
  /** The update hook's variables for the edited record. */
  toUpdate: (id: string, body: TBody) => TUpdate;
  /** The note once a record is added (an edit says "Saved"). */
  addedMessage: (body: TBody) => string;
  onDone: () => void;
}

/**
 * Add or edit one record kept on a partner (a site, a certification): `save` sends the body to the right endpoint,
 * confirms and calls `onDone`; `error` and `pending` are the request in use.
 */
export function useRecordSave<TBody, TUpdate>({ editingId, add, update, toUpdate, addedMessage, onDone }: Options<TBody, TUpdate>) {
  const { t } = useTranslation();
  const mutation = editingId ? update : add;
  const save = (body: TBody) => {
    const onSuccess = () => {
      notifications.show({ color: "green", message: editingId ? t("common.saved") : addedMessage(body) });
      onDone();
    };
    if (editingId) update.mutate(toUpdate(editingId, body), { onSuccess });
    else add.mutate(body, { onSuccess });
  };
  return { save, error: mutation.error, pending: mutation.isPending };
}
