import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IconX } from "../evidence/icons";
import { type ContactRow, rowKey } from "./partnerForm";

interface Props {
  rows: ContactRow[];
  onChange: (rows: ContactRow[]) => void;
  /** Errors by `contacts.<index>.<field>`. */
  errors: Record<string, string | undefined>;
  /** A problem with the list as a whole. */
  generalError?: string;
  readOnly?: boolean;
}

const FIELDS = ["name", "role", "email", "phone"] as const;

/** The partner's contacts: a name, and optionally a role, an e-mail and a phone. */
export function ContactsEditor({ rows, onChange, errors, generalError, readOnly }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<ContactRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs" data-testid="partner-contacts">
      <Text size="sm" fw={500}>
        {t("partners.contacts.title")}
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("partners.contacts.none")}
        </Text>
      )}
      {rows.map((row, i) => (
        <Paper key={row.key} withBorder p="xs" data-testid="partner-contact-row">
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" style={{ flex: 1 }}>
              {FIELDS.map((f) => (
                <TextInput
                  key={f}
                  label={t(`partners.contacts.${f}`)}
                  size="xs"
                  value={row[f]}
                  onChange={(e) => set(i, { [f]: e.currentTarget.value })}
                  readOnly={readOnly}
                  error={errors[`contacts.${i}.${f}`]}
                  type={f === "email" ? "email" : f === "phone" ? "tel" : "text"}
                  autoComplete="off"
                  maxLength={f === "email" ? 254 : 200}
                  data-testid={`partner-contact-${f}`}
                />
              ))}
            </SimpleGrid>
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                mt={22}
                aria-label={t("partners.contacts.remove")}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                <IconX />
              </ActionIcon>
            )}
          </Group>
        </Paper>
      ))}
      {generalError && (
        <Text size="sm" c="red" role="alert">
          {generalError}
        </Text>
      )}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => onChange([...rows, { key: rowKey(), name: "", email: "", phone: "", role: "" }])}
            data-testid="partner-contact-add"
          >
            {t("partners.contacts.add")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
