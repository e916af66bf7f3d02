import { Modal } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useCreateSite } from "./api";
import { SiteForm } from "./SiteForm";

/** "New site" dialog. The form remounts on every open so it starts empty. */
export function SiteFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateSite();
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t("sites.newTitle")} size="lg">
      {opened && (
        <SiteForm
          site={null}
          mode="create"
          submitting={create.isPending}
          error={create.error}
          onCancel={close}
          onSubmit={(body) =>
            create.mutate(body, {
              onSuccess: (site) => {
                notifications.show({ color: "green", message: t("sites.created", { name: site.name }) });
                close();
              },
            })
          }
        />
      )}
    </Modal>
  );
}
