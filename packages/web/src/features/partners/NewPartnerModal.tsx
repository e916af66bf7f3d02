import { Modal } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreatePartner } from "./api";
import { PartnerForm } from "./PartnerForm";

/** "New partner" dialog; opens the new record when saved. The form remounts on every open so it starts empty. */
export function NewPartnerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = useMediaQuery("(max-width: 36em)");
  const create = useCreatePartner();
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t("partners.newTitle")} size="xl" fullScreen={!!phone} closeOnClickOutside={false}>
      {opened && (
        <PartnerForm
          partner={null}
          mode="create"
          submitting={create.isPending}
          error={create.error}
          onCancel={close}
          onSubmit={(body) =>
            create.mutate(body, {
              onSuccess: (p) => {
                notifications.show({ color: "green", message: t("partners.created", { name: p.name }) });
                close();
                navigate(`/partners/${p.id}`);
              },
            })
          }
        />
      )}
    </Modal>
  );
}
