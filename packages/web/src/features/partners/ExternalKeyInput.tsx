import { TextInput, type TextInputProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The key the company's own systems use for the partner or its site (an ERP number, say), as typed. */
export function ExternalKeyInput(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t("partners.fields.externalKey")}
      description={t("partners.form.externalKeyHint")}
      maxLength={100}
      spellCheck={false}
      {...props}
    />
  );
}
