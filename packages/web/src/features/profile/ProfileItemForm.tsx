import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors";
import { FormError } from "../../components/FormParts";
import { SearchSelect } from "../../components/SearchSelect";
import { formatDate, formatDateTime } from "../../lib/dates";
import { useLang } from "../../lib/useLang";
import { useCurrentSession } from "../auth/session";
import {
  APPROVER_ROLES,
  MEMBER_LIST_ROLES,
  PROFILE_STATUSES,
  type ProfileItemView,
  useApproveNa,
  useMemberOptions,
  useSaveProfileItem,
} from "./api";
import {
  type ItemField,
  type ItemFormValues,
  NA_JUSTIFICATION_MIN,
  serverItemErrors,
  toItemInput,
  toItemValues,
  validateItem,
} from "./itemForm";

/** Status, narrative, owner, last review and N/A justification of one profile item. */
export function ProfileItemForm({ item, canEdit }: { item: ProfileItemView; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { role, user } = useCurrentSession();
  const save = useSaveProfileItem(item.criterionId);
  const approve = useApproveNa(item.criterionId);
  const [values, setValues] = useState<ItemFormValues>(() => toItemValues(item));
  const [clientErrors, setClientErrors] = useState<Partial<Record<ItemField, string>>>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());

  const canPickOwner = canEdit && !!role && MEMBER_LIST_ROLES.includes(role);
  const members = useMemberOptions(canPickOwner);
  const ownerData = useMemo(() => {
    const list = (members.data?.items ?? []).filter((m) => m.active || m.id === values.ownerUserId);
    const options = list.map((m) => ({ value: m.id, label: m.displayName || m.email }));
    // Keep the current owner selectable even when the list does not include them.
    if (item.owner && !options.some((o) => o.value === item.owner?.id))
      options.unshift({ value: item.owner.id, label: item.owner.displayName });
    return options;
  }, [members.data, item.owner, values.ownerUserId]);

  const serverErrors = useMemo(() => serverItemErrors(t, save.error), [t, save.error]);
  const errorFor = (f: ItemField) => clientErrors[f] ?? (touched.has(f) ? undefined : serverErrors[f]);
  const placed = Object.keys(serverErrors).length > 0;
  const generalError = save.error && !placed ? errorMessage(t, save.error) : (serverErrors._form ?? null);

  const set = <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setClientErrors(({ [key]: _removed, ...rest }) => rest);
    setTouched((s) => new Set(s).add(key));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validateItem(values, item, t);
    setClientErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setTouched(new Set());
    save.mutate(toItemInput(values), { onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }) });
  };

  const onApprove = () =>
    approve.mutate(undefined, {
      onSuccess: () => notifications.show({ color: "green", message: t("profile.na.approvedDone") }),
      onError: (e) => notifications.show({ color: "red", message: errorMessage(t, e) }),
    });

  const isNa = values.status === "not_applicable";
  const justificationRequired = isNa && item.level === "must";
  const pendingNa = item.status === "not_applicable" && item.naStatus === "pending";
  // Four eyes: the person who asked for the N/A cannot approve it (the server refuses too).
  const askedByMe = item.naRequestedBy?.id === user.id;
  const canApprove = !!role && APPROVER_ROLES.includes(role) && pendingNa && !askedByMe;

  return (
    <form onSubmit={submit} noValidate data-testid="profile-item-form">
      <Stack>
        <FormError message={generalError} />
        <Radio.Group
          label={t("profile.form.status")}
          value={values.status}
          onChange={(v) => set("status", v as ItemFormValues["status"])}
          error={errorFor("status")}
          readOnly={!canEdit}
          data-testid="profile-item-status"
        >
          <Group mt={6} gap="md">
            {PROFILE_STATUSES.map((s) => (
              <Radio key={s} value={s} label={t(`status.${s}`)} disabled={!canEdit} data-testid={`profile-status-${s}`} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t("profile.form.narrative")}
          description={t("profile.form.narrativeHint")}
          name="narrative"
          autosize
          minRows={4}
          maxRows={16}
          maxLength={10000}
          readOnly={!canEdit}
          required={values.status === "implemented" || values.status === "partial"}
          value={values.narrative}
          error={errorFor("narrative")}
          onChange={(e) => set("narrative", e.currentTarget.value)}
          data-testid="profile-narrative"
        />
        {isNa && (
          <Textarea
            label={t("profile.form.naJustification")}
            description={
              justificationRequired
                ? t("profile.form.naJustificationMust", { count: NA_JUSTIFICATION_MIN })
                : t("profile.form.naJustificationShould")
            }
            name="naJustification"
            autosize
            minRows={3}
            readOnly={!canEdit}
            required={justificationRequired}
            value={values.naJustification}
            error={errorFor("naJustification")}
            onChange={(e) => set("naJustification", e.currentTarget.value)}
            data-testid="profile-na-justification"
          />
        )}
        {pendingNa && (
          <Alert color="blue" title={t("profile.na.pending")} data-testid="profile-na-pending">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t("profile.na.pendingHelp")}</Text>
              {item.naRequestedBy && (
                <Text size="sm" c="dimmed">
                  {askedByMe ? t("profile.na.askedByYou") : t("profile.na.askedBy", { name: item.naRequestedBy.displayName })}
                </Text>
              )}
              {canApprove && (
                <Button size="xs" onClick={onApprove} loading={approve.isPending} data-testid="profile-na-approve">
                  {t("profile.na.approve")}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {item.status === "not_applicable" && item.naStatus === "approved" && (
          <Text size="sm" c="green.8" data-testid="profile-na-approved">
            {t("profile.na.approvedBy", { name: item.naApprovedBy?.displayName ?? "—", date: formatDateTime(item.naApprovedAt, lang) })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {canPickOwner && !members.isError ? (
            <SearchSelect
              label={t("profile.form.owner")}
              placeholder={members.isPending ? t("common.loading") : t("common.notSet")}
              data={ownerData}
              value={values.ownerUserId}
              onChange={(v) => set("ownerUserId", v)}
              clearable
              error={errorFor("ownerUserId")}
              data-testid="profile-owner"
            />
          ) : (
            <TextInput
              label={t("profile.form.owner")}
              value={item.owner?.displayName ?? t("common.notSet")}
              readOnly
              description={canEdit ? t("profile.form.ownerReadOnly") : undefined}
              error={errorFor("ownerUserId")}
              data-testid="profile-owner-readonly"
            />
          )}
          <TextInput
            type="date"
            label={t("profile.form.lastReviewedOn")}
            name="lastReviewedOn"
            max={new Date().toISOString().slice(0, 10)}
            readOnly={!canEdit}
            value={values.lastReviewedOn}
            error={errorFor("lastReviewedOn")}
            description={item.reviewDueOn ? t("profile.form.reviewDue", { date: formatDate(item.reviewDueOn, lang) }) : undefined}
            onChange={(e) => set("lastReviewedOn", e.currentTarget.value)}
            data-testid="profile-last-reviewed"
          />
        </SimpleGrid>
        {canEdit && (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {item.updatedAt && item.updatedBy
                ? t("profile.form.updatedBy", { name: item.updatedBy.displayName, date: formatDateTime(item.updatedAt, lang) })
                : ""}
            </Text>
            <Button type="submit" loading={save.isPending} data-testid="profile-save">
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
