import { Select, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CountrySelect } from "../../components/CountrySelect";
import { SearchBox } from "../../components/ListFilters";
import type { Lane } from "./api";
import { LANE_MODES, type LaneMode } from "./nodes";
import { PartnerSelect } from "./PartnerSelect";

export interface LaneFilterValues {
  q: string;
  country: string | null;
  partner: string | null;
  mode: LaneMode | null;
}

/** Filters kept in the URL (`q`, `country`, `partner`, `mode`), so a filtered view can be shared. */
export function readLaneFilters(params: URLSearchParams): LaneFilterValues {
  const mode = params.get("mode");
  return {
    q: params.get("q") ?? "",
    country: params.get("country"),
    partner: params.get("partner"),
    mode: (LANE_MODES as readonly string[]).includes(mode ?? "") ? (mode as LaneMode) : null,
  };
}

/**
 * The server filters by text, country and partner; the transport mode is checked here (the lanes API has
 * no mode filter). Country and partner are checked again so a stale page never shows a non-matching lane.
 */
export function laneMatches(lane: Lane, f: LaneFilterValues): boolean {
  if (f.mode && !lane.modes.includes(f.mode)) return false;
  if (f.country && !lane.nodes.some((n) => n.countryCode === f.country)) return false;
  if (f.partner && !lane.nodes.some((n) => n.partnerId === f.partner) && !lane.legs.some((l) => l.carrierPartnerId === f.partner)) {
    return false;
  }
  return true;
}

/** Search, country, partner and mode filters over lanes, one above the other (the map's side list). */
export function LaneFilters({
  filters,
  q,
  onQ,
  onChange,
}: {
  filters: LaneFilterValues;
  /** What the search box shows, ahead of the debounced `filters.q`. */
  q: string;
  onQ: (q: string) => void;
  onChange: (key: "country" | "partner" | "mode", value: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <SearchBox placeholder={t("lanes.searchPlaceholder")} value={q} onChange={onQ} w="100%" data-testid="lane-search" />
      <CountrySelect
        label={t("supplyChain.fields.country")}
        placeholder={t("lanes.anyCountry")}
        value={filters.country}
        onChange={(v) => onChange("country", v)}
        allowDeselect
        clearable
        data-testid="lane-country-filter"
      />
      <PartnerSelect
        label={t("lanes.partner")}
        placeholder={t("lanes.anyPartner")}
        value={filters.partner}
        onChange={(id) => onChange("partner", id)}
        data-testid="lane-partner-filter"
      />
      <Select
        label={t("supplyChain.fields.mode")}
        placeholder={t("lanes.anyMode")}
        data={LANE_MODES.map((m) => ({ value: m, label: t(`supplyChain.modes.${m}`) }))}
        value={filters.mode}
        onChange={(v) => onChange("mode", v)}
        clearable
        data-testid="lane-mode-filter"
      />
    </Stack>
  );
}
