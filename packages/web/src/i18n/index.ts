import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import chainEn from "./chain.en.json";
import chainEs from "./chain.es.json";
import en from "./en.json";
import es from "./es.json";
import partnersEn from "./partners.en.json";
import partnersEs from "./partners.es.json";
import profileEn from "./profile.en.json";
import profileEs from "./profile.es.json";
import questionnaireEn from "./questionnaire.en.json";
import questionnaireEs from "./questionnaire.es.json";
import vaultEn from "./vault.en.json";
import vaultEs from "./vault.es.json";

export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANG_STORAGE_KEY = "portcullis.lang";

/** BCP 47 tag used for dates, numbers and country names. */
export const LOCALE_TAG: Record<Language, string> = { en: "en-US", es: "es-MX" };

function isLanguage(v: unknown): v is Language {
  return typeof v === "string" && (LANGUAGES as readonly string[]).includes(v);
}

function storedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(LANG_STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  const nav = typeof navigator === "undefined" ? "" : (navigator.language ?? "");
  return nav.toLowerCase().startsWith("es") ? "es" : "en";
}

/** The active language, narrowed to the supported ones. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
}

/** Switch language, remember the choice and update <html lang>. */
export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  void i18n.changeLanguage(lang);
}

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = isLanguage(lng) ? lng : "en";
});

void i18n.use(initReactI18next).init({
  // Feature bundles add top-level keys of their own (one file per area keeps parallel work apart).
  resources: {
    en: { translation: { ...en, ...profileEn, ...vaultEn, ...partnersEn, ...chainEn, ...questionnaireEn } },
    es: { translation: { ...es, ...profileEs, ...vaultEs, ...partnersEs, ...chainEs, ...questionnaireEs } },
  },
  lng: initialLanguage(),
  fallbackLng: "en",
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = currentLanguage();

export default i18n;
