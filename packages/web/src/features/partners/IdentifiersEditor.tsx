import { Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { InlineError } from "../../components/FormParts";
import { SearchSelect } from "../../components/SearchSelect";
import { CertaintyBadge } from "../criteria/badges";
import { hintIdentifier, IDENTIFIER_KINDS, IDENTIFIER_RULES, type IdentifierKind } from "./domain";
import { type IdentifierRow, isCountry, rowKey } from "./partnerForm";
import { RowListEditor } from "./RowListEditor";

interface Props {
  rows: IdentifierRow[];
  onChange: (rows: IdentifierRow[]) => void;
  /** Errors by `identifiers.<index>` (client checks and server issues). */
  errors: Record<string, string | undefined>;
  /** A problem with the list as a whole. */
  generalError?: string;
}

/** The live hint under one identifier: what the format should be, and whether the value fits it. */
function IdentifierHint({ kind, value, error }: { kind: IdentifierKind; value: string; error?: string }) {
  const { t } = useTranslation();
  const rule = IDENTIFIER_RULES[kind];
  const shape = t(`partners.identifiers.shape.${kind}`);
  if (error) {
    return (
      <Text size="xs" c="red" role="alert" data-testid="partner-identifier-error">
        {error}
      </Text>
    );
  }
  if (!value.trim()) {
    return (
      <Text size="xs" c="dimmed">
        {t("partners.identifiers.expects", { shape })}
      </Text>
    );
  }
  const hint = hintIdentifier(kind, value, isCountry);
  if (hint.level === "error" || hint.level === "length") {
    return (
      <Text size="xs" c="red" data-testid="partner-identifier-error">
        {t(`partners.identifiers.hint.${hint.level}`, { shape })}
      </Text>
    );
  }
  if (hint.level === "warning" || hint.level === "countryPrefix") {
    return (
      <Group gap={6} wrap="nowrap" align="flex-start" data-testid="partner-identifier-warning" data-level={hint.level}>
        <CertaintyBadge certainty={rule.certainty} size="xs" />
        <Text size="xs" c="orange.8">
          {hint.level === "countryPrefix"
            ? t("partners.identifiers.hint.countryPrefix")
            : t("partners.identifiers.hint.warning", { shape })}
        </Text>
      </Group>
    );
  }
  return (
    <Text size="xs" c="green.8" data-testid="partner-identifier-ok">
      {hint.normalized !== value.trim()
        ? t("partners.identifiers.hint.okAs", { value: hint.normalized })
        : t("partners.identifiers.hint.ok")}
    </Text>
  );
}

/** Rows of kind + value. Refused formats are errors; formats we are not sure of only warn, with their certainty. */
export function IdentifiersEditor({ rows, onChange, errors, generalError }: Props) {
  const { t } = useTranslation();
  const kinds = IDENTIFIER_KINDS.map((k) => ({ value: k, label: t(`partners.identifiers.kind.${k}`) }));
  return (
    <RowListEditor
      rows={rows}
      onChange={onChange}
      newRow={() => ({ key: rowKey(), kind: null, value: "" })}
      generalError={generalError}
      labels={{
        title: t("partners.identifiers.title"),
        none: t("partners.identifiers.none"),
        add: t("partners.identifiers.add"),
        remove: t("partners.identifiers.remove"),
      }}
      testIds={{
        list: "partner-identifiers",
        row: "partner-identifier-row",
        add: "partner-identifier-add",
        remove: "partner-identifier-remove",
      }}
      wrap="wrap"
      renderFields={(row, i, update) => {
        const error = errors[`identifiers.${i}`];
        return (
          <>
            <SearchSelect
              aria-label={t("partners.identifiers.kindLabel")}
              placeholder={t("partners.identifiers.kindLabel")}
              data={kinds}
              value={row.kind}
              onChange={(v) => update({ kind: v as IdentifierKind | null })}
              allowDeselect={false}
              w={{ base: "100%", xs: 220 }}
              data-testid="partner-identifier-kind"
            />
            <Stack gap={4} style={{ flex: 1, minWidth: 180 }}>
              <TextInput
                aria-label={row.kind ? t(`partners.identifiers.kind.${row.kind}`) : t("partners.identifiers.valueLabel")}
                placeholder={t("partners.identifiers.valueLabel")}
                value={row.value}
                onChange={(e) => update({ value: e.currentTarget.value })}
                error={!!error}
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={80}
                data-testid="partner-identifier-value"
              />
              {row.kind ? <IdentifierHint kind={row.kind} value={row.value} error={error} /> : <InlineError message={error} size="xs" />}
            </Stack>
          </>
        );
      }}
    />
  );
}
