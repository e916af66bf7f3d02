import { type Language, LOCALE_TAG } from "../i18n";

/**
 * ISO 3166-1 alpha-2 codes the server accepts (the assigned codes plus XK, Kosovo), matching
 * i18n-iso-countries used by packages/domain. Names come from Intl.DisplayNames at runtime.
 */
export const COUNTRY_CODES: readonly string[] = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS " +
  "BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE " +
  "EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM " +
  "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC " +
  "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA " +
  "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO " +
  "TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW "
)
  .trim()
  .split(/\s+/);

const cache = new Map<Language, Intl.DisplayNames | null>();

function displayNames(lang: Language): Intl.DisplayNames | null {
  if (!cache.has(lang)) {
    try {
      cache.set(lang, new Intl.DisplayNames([LOCALE_TAG[lang], lang], { type: "region", fallback: "code" }));
    } catch {
      cache.set(lang, null);
    }
  }
  return cache.get(lang) ?? null;
}

/** Country name in the given language; the code itself when the browser does not know it. */
export function countryName(code: string | null | undefined, lang: Language): string {
  if (!code) return "";
  return displayNames(lang)?.of(code) ?? code;
}

export interface CountryOption {
  value: string;
  label: string;
}

/** Select options sorted by name in the given language. */
export function countryOptions(lang: Language): CountryOption[] {
  const collator = new Intl.Collator(LOCALE_TAG[lang]);
  return COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** Lower case without accents, for matching "Mexico" against "México". */
export function normalizeSearch(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();
}
