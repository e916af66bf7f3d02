import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Language, setLanguage } from "../../i18n";
import { useLang } from "../../lib/useLang";

/**
 * EN/ES switch. Tests: `getByTestId("lang-switch").getByText("ES").click()` (or the radio named "ES").
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SegmentedControl
      data-testid="lang-switch"
      aria-label={t("shell.language")}
      size="xs"
      value={lang}
      onChange={(v) => setLanguage(v as Language)}
      data={[
        { value: "en", label: "EN" },
        { value: "es", label: "ES" },
      ]}
    />
  );
}
