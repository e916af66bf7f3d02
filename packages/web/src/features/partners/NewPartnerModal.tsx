import { useTranslation } from "react-i18next";
import { CreateModal } from "../../components/form/FormModal";
import { useCreatePartner } from "./api";
import { PartnerForm } from "./PartnerForm";

/** "New partner" dialog; opens the new record when saved. The form remounts on every open so it starts empty. */
export function NewPartnerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePartner();
  return (
    <CreateModal
      opened={opened}
      onClose={onClose}
      title={t("partners.newTitle")}
      size="xl"
      create={create}
      createdMessage={(p) => t("partners.created", { name: p.name })}
      pathOf={(p) => `/partners/${p.id}`}
    >
      {(form) => <PartnerForm partner={null} mode="create" {...form} />}
    </CreateModal>
  );
}
