import { sql } from "kysely";
import type { Tx } from "../../db/tx.ts";
import type { Reminder } from "../notifications/reminders.job.ts";
import { addDaysIso } from "../procedures/review-interval.ts";
import { DUE_SOON_DAYS, programName } from "./partners.present.ts";

// Same key shape as the daily job's: a renewed certificate or a new screening date reminds again.
const reminder = (r: Omit<Reminder, "dedupeKey">, date: string): Reminder => ({ ...r, dedupeKey: `${r.kind}:${r.subjectId}:${date}` });

/**
 * The partner registry's reminders for one company on `today` (called by the daily reminders job, in its
 * company-scoped transaction): certifications past their validity (`certification.expired`), certifications whose
 * yearly verification falls due within 30 days or is late (`certification.reverify-due`), and partners whose
 * screening falls due within 30 days or is late (`partner.rescreen-due`). Archived and terminated partners are left out.
 */
export async function collectPartnerReminders(tx: Tx, tenantId: string, today: string): Promise<Reminder[]> {
  const horizon = addDaysIso(today, DUE_SOON_DAYS);
  const out: Reminder[] = [];
  const certs = await tx
    .selectFrom("partner_certifications as c")
    .innerJoin("partners as p", "p.id", "c.partner_id")
    .select(["c.id", "c.program", "c.certificate_id", "c.status", "c.valid_to", "c.next_verification_on", "p.id as partner_id", "p.name"])
    .where("c.tenant_id", "=", tenantId)
    .where("p.archived_at", "is", null)
    .where("p.status", "<>", "terminated")
    .where("c.status", "in", ["active", "expired"])
    .where((eb) => eb.or([eb("c.valid_to", "<", today), eb("c.next_verification_on", "<=", horizon)]))
    .orderBy("c.id")
    .execute();
  for (const c of certs) {
    const params = {
      partnerId: c.partner_id,
      partnerName: c.name,
      program: c.program,
      programName: programName(c.program),
      certificateId: c.certificate_id,
    };
    const subject = { subjectType: "partner-certification", subjectId: c.id };
    if (c.valid_to !== null && c.valid_to < today) {
      out.push(
        reminder({ kind: "certification.expired", ...subject, params: { ...params, validTo: c.valid_to }, dueOn: c.valid_to }, c.valid_to),
      );
    } else if (c.status === "active" && c.next_verification_on !== null) {
      const due = c.next_verification_on;
      out.push(
        reminder({ kind: "certification.reverify-due", ...subject, params: { ...params, nextVerificationOn: due }, dueOn: due }, due),
      );
    }
  }
  const partners = await tx
    .selectFrom("partners")
    .select(["id", "name", "risk_level", sql<string>`rescreen_due_on`.as("due")])
    .where("tenant_id", "=", tenantId)
    .where("archived_at", "is", null)
    .where("status", "<>", "terminated")
    .where("rescreen_due_on", "<=", horizon)
    .orderBy("id")
    .execute();
  for (const p of partners) {
    out.push(
      reminder(
        {
          kind: "partner.rescreen-due",
          subjectType: "partner",
          subjectId: p.id,
          params: { name: p.name, riskLevel: p.risk_level, rescreenDueOn: p.due },
          dueOn: p.due,
        },
        p.due,
      ),
    );
  }
  return out;
}
