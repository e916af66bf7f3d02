import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChainBreak, VerifyResult } from "../../api/types";
import { QueryError } from "../../components/QueryError";
import { useVerifyChain } from "./api";

function breakSeq(b: ChainBreak): number | undefined {
  return b.seq ?? b.foundSeq ?? b.expectedSeq;
}

/** Translated one-line summary of a verification result. */
export function verifySummary(t: (k: string, o?: Record<string, unknown>) => string, r: VerifyResult): string {
  if (r.ok || !r.break) return t("audit.verify.intact", { count: r.events });
  const raw = r.break.kind;
  const label = t(`audit.verify.kinds.${raw}`, { defaultValue: "" });
  const kind = label ? `${label} (${raw})` : raw;
  const seq = breakSeq(r.break);
  return seq === undefined ? t("audit.verify.brokenNoSeq", { kind }) : t("audit.verify.broken", { seq, kind });
}

/** "Verify chain" button and its result. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyChain();
  const r = verify.data;
  return (
    <Stack gap="sm">
      <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify" style={{ alignSelf: "flex-start" }}>
        {t("audit.verify.button")}
      </Button>
      <div aria-live="polite">
        {r && (
          <Alert
            color={r.ok ? "green" : "red"}
            data-testid="audit-verify-result"
            data-ok={r.ok ? "true" : "false"}
            title={verifySummary(t, r)}
          >
            <Stack gap={2}>
              <Text size="sm">{t("audit.verify.details", { head: r.headSeq, checkpoints: r.checkpointsChecked })}</Text>
              {r.break?.detail && <Text size="sm">{r.break.detail}</Text>}
              {r.break?.eventId && (
                <Text size="xs" ff="monospace">
                  {t("audit.verify.eventId", { id: r.break.eventId })}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        {verify.isError && <QueryError error={verify.error} />}
      </div>
    </Stack>
  );
}
