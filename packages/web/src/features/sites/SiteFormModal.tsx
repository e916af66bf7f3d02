import { useTranslation } from "react-i18next";
import { CreateModal } from "../../components/form/FormModal";
import { useCreateSite } from "./api";
import { SiteForm } from "./SiteForm";

/** "New site" dialog; the user stays on the list, where the new site shows. The form starts empty on every open. */
export function SiteFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateSite();
  return (
    <CreateModal
      opened={opened}
      onClose={onClose}
      title={t("sites.newTitle")}
      create={create}
      createdMessage={(site) => t("sites.created", { name: site.name })}
    >
      {(form) => <SiteForm site={null} mode="create" {...form} />}
    </CreateModal>
  );
}
