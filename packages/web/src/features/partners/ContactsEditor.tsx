import { SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type ContactRow, rowKey } from "./partnerForm";
import { RowListEditor } from "./RowListEditor";

interface Props {
  rows: ContactRow[];
  onChange: (rows: ContactRow[]) => void;
  /** Errors by `contacts.<index>.<field>`. */
  errors: Record<string, string | undefined>;
  /** A problem with the list as a whole. */
  generalError?: string;
}

const FIELDS = ["name", "role", "email", "phone"] as const;

/** The partner's contacts: a name, and optionally a role, an e-mail and a phone. */
export function ContactsEditor({ rows, onChange, errors, generalError }: Props) {
  const { t } = useTranslation();
  return (
    <RowListEditor
      rows={rows}
      onChange={onChange}
      newRow={() => ({ key: rowKey(), name: "", email: "", phone: "", role: "" })}
      generalError={generalError}
      labels={{
        title: t("partners.contacts.title"),
        none: t("partners.contacts.none"),
        add: t("partners.contacts.add"),
        remove: t("partners.contacts.remove"),
      }}
      testIds={{ list: "partner-contacts", row: "partner-contact-row", add: "partner-contact-add" }}
      wrap="nowrap"
      removeOffset={22}
      renderFields={(row, i, update) => (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" style={{ flex: 1 }}>
          {FIELDS.map((f) => (
            <TextInput
              key={f}
              label={t(`partners.contacts.${f}`)}
              size="xs"
              value={row[f]}
              onChange={(e) => update({ [f]: e.currentTarget.value })}
              error={errors[`contacts.${i}.${f}`]}
              type={f === "email" ? "email" : f === "phone" ? "tel" : "text"}
              autoComplete="off"
              maxLength={f === "email" ? 254 : 200}
              data-testid={`partner-contact-${f}`}
            />
          ))}
        </SimpleGrid>
      )}
    />
  );
}
