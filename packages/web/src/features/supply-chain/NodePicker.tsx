import { Group, Select, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { countryName } from "../../lib/countries";
import { useLang } from "../../lib/useLang";
import type { NodeLabels } from "./laneForm";
import { useLocations, useOwnSites, usePartnerSites } from "./lookup-api";
import { NODE_KINDS, type NodeKind, nodeKey, parseNodeKey } from "./nodes";
import { PartnerSelect } from "./PartnerSelect";

type Known = NodeLabels[string];

interface Props {
  label: string;
  value: string | null;
  /** Facts of the current value (label, partner) when known. */
  known?: Known;
  onChange: (key: string | null, facts: Known | null) => void;
  error?: string;
  testId: string;
  defaultKind?: NodeKind;
}

/**
 * Pick a supply-chain node: one of our sites, a partner's site (partner first, then its site) or a packaged
 * port/airport/border crossing searched by code or name on the server.
 */
export function NodePicker({ label, value, known, onChange, error, testId, defaultKind = "port" }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [kind, setKind] = useState<NodeKind>(parseNodeKey(value ?? "")?.kind ?? defaultKind);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [partnerId, setPartnerId] = useState<string | null>(known?.partnerId ?? null);
  const [partnerName, setPartnerName] = useState<string | null>(known?.partnerName ?? null);
  // Full option labels of the values picked here ("Los Angeles (USLAX) · Seaport"), so the input keeps showing them.
  const [pickedLabels, setPickedLabels] = useState<Record<string, string>>({});
  // A value set from outside (the previous leg's destination, a reset) brings its own kind and partner.
  const valueKind = parseNodeKey(value ?? "")?.kind;
  if (valueKind && valueKind !== kind) setKind(valueKind);
  if (valueKind === "partner-site" && known?.partnerId && known.partnerId !== partnerId) setPartnerId(known.partnerId);
  const current = valueKind === kind ? value : null;
  const currentLabel = current ? (pickedLabels[current] ?? known?.label ?? current) : null;
  // The input shows the chosen label once a value is picked; that is not a search (it would hide every other option).
  const searching = debounced.trim() !== "" && debounced !== currentLabel;
  const term = searching ? debounced : "";
  const sites = useOwnSites(kind === "site" ? term : "");
  const ports = useLocations(kind === "port" ? term : "");
  const partnerSites = usePartnerSites(kind === "partner-site" ? partnerId : null);

  const options = useMemo(() => {
    if (kind === "site") {
      return (sites.data?.items ?? []).map((s) => ({
        value: nodeKey("site", s.id),
        label: `${s.name} · ${countryName(s.countryCode, lang)}`,
      }));
    }
    if (kind === "port") {
      return (ports.data?.items ?? []).map((l) => ({
        value: nodeKey("port", l.code),
        label: `${l.name} (${l.code}) · ${t(`lanes.locationKinds.${l.kind}`)}`,
      }));
    }
    return (partnerSites.data?.items ?? []).map((s) => ({
      value: nodeKey("partner-site", s.id),
      label: `${s.name} · ${countryName(s.countryCode, lang)}`,
    }));
  }, [kind, sites.data, ports.data, partnerSites.data, lang, t]);

  // The current value must stay among the options for the select to show it: first when browsing, last while
  // searching (so that typing then Enter picks the best match, not the value already chosen).
  const others = options.filter((o) => o.value !== current);
  const own = current && currentLabel ? [{ value: current, label: currentLabel }] : [];
  const data = searching ? [...others, ...own] : [...own, ...others];
  const pick = (key: string | null) => {
    if (!key || key === current) return;
    const full = data.find((o) => o.value === key)?.label ?? key;
    const short = full.split(" · ")[0] ?? full;
    setPickedLabels((prev) => ({ ...prev, [key]: full }));
    onChange(key, {
      id: key,
      kind,
      label: kind === "partner-site" && partnerName ? `${partnerName} – ${short}` : short,
      partnerId: kind === "partner-site" ? partnerId : null,
      partnerName: kind === "partner-site" ? partnerName : null,
    });
  };

  return (
    <Stack gap={4} data-testid={testId}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={label}
          data={NODE_KINDS.map((k) => ({ value: k, label: t(`map.kinds.${k}`) }))}
          value={kind}
          onChange={(k) => {
            if (!k || k === kind) return;
            setKind(k as NodeKind);
            setSearch("");
            if (value) onChange(null, null);
          }}
          allowDeselect={false}
          w={{ base: "100%", xs: 180 }}
          data-testid={`${testId}-kind`}
        />
        {kind === "partner-site" && (
          <PartnerSelect
            label={t("lanes.partner")}
            aria-label={`${label}: ${t("lanes.partner")}`}
            value={partnerId}
            knownName={known?.partnerName ?? null}
            onChange={(id, name) => {
              setPartnerId(id);
              setPartnerName(name);
              if (value) onChange(null, null);
            }}
            w={{ base: "100%", xs: 200 }}
            data-testid={`${testId}-partner`}
          />
        )}
        <Select
          label={kind === "site" ? t("lanes.ownSite") : kind === "port" ? t("lanes.port") : t("lanes.partnerSite")}
          aria-label={`${label}: ${t(`map.kinds.${kind}`)}`}
          placeholder={
            kind === "port" ? t("lanes.portPlaceholder") : kind === "partner-site" && !partnerId ? t("lanes.pickPartnerFirst") : undefined
          }
          searchable
          data={data}
          value={current}
          onChange={pick}
          allowDeselect={false}
          selectFirstOptionOnChange
          searchValue={kind === "partner-site" ? undefined : search}
          onSearchChange={kind === "partner-site" ? undefined : setSearch}
          // Sites and ports are searched on the server (code, name); do not filter twice.
          filter={kind === "partner-site" ? undefined : ({ options: o }) => o}
          disabled={kind === "partner-site" && !partnerId}
          nothingFoundMessage={t("common.nothingFound")}
          error={error}
          flex={1}
          miw={200}
          data-testid={`${testId}-node`}
        />
      </Group>
      {known && "missing" in known && known.missing && (
        <Text size="xs" c="red">
          {t("lanes.missingNode")}
        </Text>
      )}
    </Stack>
  );
}
