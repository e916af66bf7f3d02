import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The spinner shown in place of a page, or a part of one, while its data loads; announced as "Loading". */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t("common.loading")} />
    </Center>
  );
}
