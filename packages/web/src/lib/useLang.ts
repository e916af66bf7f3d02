import { useTranslation } from "react-i18next";
import type { Language } from "../i18n";

/** The active UI language; re-renders on change. */
export function useLang(): Language {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === "es" ? "es" : "en";
}
