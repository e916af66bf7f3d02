import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import es from "i18n-iso-countries/langs/es.json" with { type: "json" };
import { z } from "zod";

countries.registerLocale(en);
countries.registerLocale(es);

/** True for an assigned ISO 3166-1 alpha-2 code (upper case). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** Country name in English or Spanish. */
export function countryName(code: string, lang: "en" | "es" = "en"): string | undefined {
  return countries.getName(code, lang);
}

/** Every assigned alpha-2 code. */
export function allCountryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes());
}

export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code in upper case, e.g. MX")
  .refine(isCountryCode, "is not an assigned ISO 3166-1 alpha-2 country code");
