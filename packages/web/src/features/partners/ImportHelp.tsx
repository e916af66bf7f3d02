import { Code, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IMPORT_COLUMNS, type ImportKind, REQUIRED_COLUMNS } from "./imports.api";

/** Sample files written for this help (fictitious companies); each parses as the kind it illustrates. */
const EXAMPLES: Record<ImportKind, string> = {
  partners: [
    "key,name,legal_name,type,country,address,website,risk,status,identifiers,supplier_keys",
    'P-001,Maquiladora Norte,"Maquiladora Norte, S.A. de C.V.",manufacturer,MX,"Av. Industrial 100, Apodaca",https://maqnorte.example,medium,prospect,rfc:MNO940512AB1,P-003',
    "P-002,Transportes del Bajío,,highway-carrier,México,,,high,screening,scac:TDBJ; duns:150483782,",
    "P-003,Componentes Sierra,,manufacturer,MX,,,low,prospect,,",
  ].join("\n"),
  sites: [
    "key,partner_key,name,kind,country,address,latitude,longitude",
    'S-001,P-001,Planta Apodaca,factory,MX,"Apodaca, N.L.",25.7817,-100.1886',
    "S-002,P-002,Patio Nuevo Laredo,yard,MX,,27.4800,-99.5200",
  ].join("\n"),
  lanes: [
    "key,name,leg,from,to,mode,carrier_key",
    "L-001,Apodaca to Laredo,1,partner-site:S-001,partner-site:S-002,road,P-002",
    "L-001,Apodaca to Laredo,2,partner-site:S-002,port:US-POE-2304,road,P-002",
  ].join("\n"),
};

/** Which columns a file of this kind has, what they hold, and a small example. */
export function ImportHelp({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="import-help" data-kind={kind}>
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t("imports.help.title", { kind: t(`imports.kinds.${kind}`) })}
        </Title>
        <Text size="sm" c="dimmed">
          {t("imports.help.intro")}
        </Text>
        <List size="sm" spacing={4}>
          {IMPORT_COLUMNS[kind].map((c) => (
            <List.Item key={c}>
              <Code>{c}</Code>
              {REQUIRED_COLUMNS[kind].includes(c) && (
                <Text span size="xs" c="red" fw={600}>
                  {" "}
                  {t("imports.help.required")}
                </Text>
              )}{" "}
              — {t(`imports.help.columns.${kind}.${c}`)}
            </List.Item>
          ))}
        </List>
        <Text size="sm" fw={500}>
          {t("imports.help.example")}
        </Text>
        <Code block style={{ whiteSpace: "pre", overflowX: "auto" }} data-testid="import-example">
          {EXAMPLES[kind]}
        </Code>
        <Text size="xs" c="dimmed">
          {t("imports.help.notes")}
        </Text>
      </Stack>
    </Paper>
  );
}
