import type { Actor } from "../audit/audit.service.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/open.ts";
import { type DemoEvidenceItem, seedEvidenceDemo } from "../modules/evidence/evidence.demo.ts";
import { seedLanesDemo } from "../modules/lanes/lanes.demo.ts";
import { runReminders } from "../modules/notifications/reminders.job.ts";
import { seedPartnersDemo } from "../modules/partners/partners.demo.ts";
import { seedProceduresDemo } from "../modules/procedures/procedures.demo.ts";
import { addDaysIso } from "../modules/procedures/review-interval.ts";
import { seedQuestionnairesDemo } from "../modules/questionnaires/questionnaires.demo.ts";
import { seedReviewsDemo } from "../modules/reviews/reviews.demo.ts";
import { seedScreeningDemo } from "../modules/screening/screening.demo.ts";
import { seedProfileDemo } from "../modules/security-profile/security-profile.demo.ts";
import { todayIso } from "../modules/security-profile/security-profile.service.ts";

/** Reports each step of a long seeding: its label, and how many steps are done out of the total. */
export type DemoProgress = (step: { label: string; done: number; total: number }) => void;

/** The demo team by e-mail (see company.ts), resolved to user ids. */
export interface DemoPeople {
  owner: string;
  securityManager: string;
  analyst: string;
  inspector: string;
  trainer: string;
}

/** Evidence a real importer keeps for its validation, with dates relative to today so reminders show. */
function demoEvidence(today: string): DemoEvidenceItem[] {
  return [
    {
      title: "Seal control log — Laredo DC, Q3",
      category: "document",
      text: "Seal log: ISO 17712 H seals received, issued and verified (VVTT) at the Laredo distribution center, July–September.",
      criterionIds: ["6.1", "6.2", "6.5"],
    },
    {
      title: "High-security seal supplier certificate (ISO 17712:2013)",
      category: "certificate",
      text: "Supplier statement of conformity: bolt seals tested to ISO 17712:2013, classification H. Lot numbers 88120-88410.",
      criterionIds: ["6.2"],
      effectiveOn: addDaysIso(today, -340),
      expiresOn: addDaysIso(today, 20),
      remindDays: 45,
    },
    {
      title: "Business partner screening procedure and checklist",
      category: "document",
      text: "Risk-based screening of new and existing business partners: CTPAT / OEA status, sanctions lists, site visits, re-screening cycle.",
      criterionIds: ["3.1", "3.4", "3.5"],
    },
    {
      title: "Annual risk assessment 2026 (five-step method)",
      category: "document",
      text: "Cargo flow map, threat by country and route, vulnerability against the MSC, action plan, and method notes. Reviewed March 2026.",
      criterionIds: ["2.1", "2.3"],
      effectiveOn: addDaysIso(today, -260),
      expiresOn: addDaysIso(today, 105),
    },
    {
      title: "Cybersecurity policy v4 and IT acceptable use",
      category: "document",
      text: "Written cybersecurity policy: access control, passwords, patching, backups, incident response; reviewed every year.",
      criterionIds: ["4.1", "4.6", "4.8"],
    },
    {
      title: "CCTV coverage plan and 30-day retention check",
      category: "inspection",
      text: "Camera placement covering container yard, loading docks and gates; retention verified on 12 sample days.",
      criterionIds: ["9.8"],
      effectiveOn: addDaysIso(today, -400),
      expiresOn: addDaysIso(today, -5),
    },
    {
      title: "Security awareness training roster, June session",
      category: "training",
      text: "Threat awareness, seal verification, 7-point container inspection and agricultural contamination: 38 attendees with signatures.",
      criterionIds: ["12.1", "12.2", "12.7"],
    },
    {
      title: "Visitor log sample and badge procedure",
      category: "document",
      text: "Visitor log extract with photo ID verification, escort and badge return, front gate, two weeks.",
      criterionIds: ["10.2"],
      format: "text",
    },
  ];
}

/**
 * Fill the demo importer's security program the way the API would (same services, audit events included):
 * a Security Profile, evidence files, approved procedures with acknowledgements, last year's signed review,
 * partners with sites, certifications and screenings, a denied-party list with one match to review, partner
 * questionnaires in each state, and the reminders the daily job would raise today.
 */
export async function seedDemoProgram(options: {
  db: Db;
  config: Pick<Config, "evidenceDir">;
  tenantId: string;
  people: DemoPeople;
  onProgress?: DemoProgress;
}): Promise<void> {
  const { db, config, tenantId, people } = options;
  const today = todayIso();
  const manager: Actor = { id: people.securityManager, label: "maria.garza@sierranorte.example" };
  const steps: [string, () => Promise<unknown>][] = [
    [
      "Security Profile",
      () =>
        seedProfileDemo({
          db: db.kysely,
          tenantId,
          actor: manager,
          ownerUserIds: [people.securityManager, people.analyst, people.inspector, people.trainer],
        }),
    ],
    ["evidence files", () => seedEvidenceDemo({ db, config, tenantId, actor: manager, items: demoEvidence(today) })],
    ["procedures", () => seedProceduresDemo({ db, tenantId, authorId: people.analyst, approverId: people.securityManager })],
    ["last year's annual review", () => seedReviewsDemo({ db, tenantId, signerId: people.securityManager })],
    ["business partners", () => seedPartnersDemo({ db, tenantId, actor: manager })],
    ["lanes", () => seedLanesDemo({ db, tenantId, actor: manager })],
    ["denied-party screening", () => seedScreeningDemo({ db, tenantId, actor: manager })],
    ["partner questionnaires", () => seedQuestionnairesDemo({ db, tenantId, actor: manager })],
    ["reminders", () => runReminders({ db: db.kysely, today })],
  ];
  for (const [i, [label, run]] of steps.entries()) {
    options.onProgress?.({ label, done: i, total: steps.length });
    await run();
  }
  options.onProgress?.({ label: "done", done: steps.length, total: steps.length });
}
