/** The demo importer's security procedures (Sierra Norte Imports). Written for the demo; not CBP text. */

/** One demo SOP: what it covers, how it is reviewed, and how old its approved version is. */
export interface DemoProcedure {
  code: string;
  title: string;
  criterionIds: string[];
  /** Null: the default (12 months with a yearly-review criterion, else 24). */
  reviewIntervalMonths: number | null;
  requiresAck: boolean;
  /** How long ago version 1 was approved; sets the next review (one is deliberately overdue). */
  approvedDaysAgo: number;
  body: string;
  /** A revision already written and sent for review. */
  revision?: { body: string; changeNote: string };
}

const SEAL = `Purpose: keep control of every high-security seal from delivery to the point of stuffing, so a seal
number on a bill of lading always matches a seal we issued.

1. Seal stock. Only ISO 17712 high-security bolt seals are bought, from suppliers who provide the current
   test certificate; the certificate is filed in the evidence vault before a shipment is received.
2. Storage. Unissued seals are kept in the locked cabinet in the Laredo Cross-Dock security office. Two
   keys exist: the dock supervisor and the security manager hold one each.
3. Issue. The dock supervisor issues one seal per container or trailer and records the seal number,
   container number, door, date, time and the name of the person who affixes it in the seal log.
4. Affixing. The seal goes on the right-hand door's locking bar after stuffing is supervised, and the
   View-Verify-Tug-Twist (VVTT) check is done and initialed in the log.
5. Photos and notice. A photo of the affixed seal is taken and the seal number is sent to the consignee
   before departure, and printed on the bill of lading.
6. Discrepancies. A broken, missing or mismatched seal is reported to the security manager at once; the
   shipment is held and the incident is handled under SOP-INC (incident reporting).
7. Audit. Every month the security manager counts stored seals and reconciles the count with the seal log
   and the supplier's invoices. Differences are investigated and recorded.`;

const CONTAINER = `Purpose: make sure no container, trailer or tractor leaves or enters our yards with a hidden compartment,
contraband, pests or tampered hardware.

1. Where. Inspections are done in the fenced, camera-covered inspection lane of each yard, never at the curb.
2. When. Every empty container or trailer is inspected before loading; every arriving unit before unloading.
3. The seven-point check for containers: front wall, left side, right side, floor, ceiling/roof, inside and
   outside doors (including the locking mechanism), and the outside and undercarriage. Trailers add the
   tractor: bumpers, tires, fuel tanks, cab storage, air tanks, fifth wheel and exhaust.
4. Agricultural check. Look for soil, seeds, insects, snails and wood packaging without the ISPM 15 mark.
5. Records. The inspector fills in the inspection checklist (unit number, date, time, inspector, areas
   checked) and the shift supervisor signs it. Checklists are kept for two years.
6. Findings. Any structural change, fresh paint, unusual welds, loose panels or pests stop the loading.
   The supervisor decides with the security manager whether to reject the unit and whom to notify.
7. Random checks. Each month management re-inspects at least five units chosen at random after loading.`;

const CYBER = `Purpose: state how Sierra Norte protects the systems and data that move our cargo and its paperwork.

1. Scope. All company devices, accounts, e-mail, the ERP and the customs-broker portal, and personal phones
   used to read company e-mail.
2. Accounts. Every person has a personal account; shared log-ins are forbidden. Multi-factor sign-in is
   required for e-mail, remote access and the ERP. Access follows the job role and is removed on the
   last working day.
3. Passwords. Passphrases of at least 14 characters; a password manager is provided.
4. Protection. Laptops run managed anti-malware and disk encryption; servers sit behind the firewall and
   receive security updates within 14 days (critical ones within 72 hours).
5. Remote access only through the company VPN.
6. Backups. Business data is backed up daily; a weekly encrypted copy is kept off site. A restore is
   tested every quarter.
7. Incidents. Suspicious e-mails and lost devices are reported to IT the same day. IT shares relevant threat
   information with our broker and carriers.
8. Disposal. Disks and phones holding company data are wiped or destroyed following NIST SP 800-88 and the
   disposal is logged.
9. This policy is reviewed at least once a year and after any significant incident.`;

const CYBER_REVISION = `${CYBER}

10. Vendors with access to our systems sign the vendor security addendum and use named accounts that
    expire with the contract.`;

const ACCESS = `Purpose: only the right people enter our offices, yards and cargo areas, and every visitor and driver is
identified.

1. Badges. HR issues photo badges on the first day and collects them on the last; lost badges are
   disabled the same day. Badge access lists are reviewed each quarter.
2. Visitors show government photo ID at reception, are logged (name, company, host, time in and out),
   wear a visitor badge in sight and are escorted in cargo areas.
3. Drivers. Before cargo is released or received, the gate guard checks the driver's photo ID against the
   appointment from the carrier, and logs the driver, truck and trailer numbers and times.
4. Pick-ups and deliveries are by appointment only; unannounced trucks wait outside the gate until
   confirmed with the carrier.
5. Challenging. Staff challenge anyone without a badge in a restricted area and call security.
6. Guards follow the written post orders; the security manager audits post orders monthly.`;

const TRAINING = `Purpose: everyone knows the threats to our supply chain and their part in stopping them.

1. New hires complete security and threat-awareness training in their first week, before working alone
   on the dock or in the yard.
2. Refresher training every year for all staff, and after any incident or procedure change.
3. Role training: inspectors on the seven-point and seventeen-point inspections and hidden compartments;
   dock staff on seal control and VVTT; office staff on cybersecurity and phishing; guards on post orders.
4. Everyone learns how to report a security incident or suspicious activity, anonymously if they wish.
5. Attendance and test results are recorded; a score below 80% means retaking the module.
6. The trainer reviews each year whether training met its objectives and adjusts the programme.`;

const PARTNERS = `Purpose: choose and keep business partners who protect our cargo as we do.

1. Who. Suppliers, manufacturers, carriers, brokers, warehouses and consolidators that handle our goods.
2. Before contracting, the partner completes the security questionnaire and we check: CTPAT or AEO status,
   sanctions lists, company registration, and signs of money laundering or terrorism financing.
3. Risk rating. Partners are rated low, medium or high from country, mode, product and questionnaire
   answers. High-risk partners get a site visit before the first shipment.
4. Contracts include our security requirements and the right to audit.
5. Weaknesses found are fixed within an agreed time; the fix is confirmed with documents or photos.
6. Monitoring. Certified partners confirm their status each year; others repeat the questionnaire every two
   years, or sooner after an incident or a change of ownership.
7. Forced labour. Manufacturers confirm in writing that no forced, prison or indentured labour is used.`;

/** The six demo SOPs: seal control falls due within the month; the cybersecurity policy is overdue and under revision. */
export const DEMO_PROCEDURES: DemoProcedure[] = [
  {
    code: "SOP-SEAL-01",
    title: "High-security seal control",
    criterionIds: ["6.1", "6.2", "6.5", "6.6", "6.7", "7.29", "7.30"],
    reviewIntervalMonths: null,
    requiresAck: true,
    approvedDaysAgo: 345,
    body: SEAL,
  },
  {
    code: "SOP-INSP-02",
    title: "Container, trailer and tractor inspection",
    criterionIds: ["5.2", "5.3", "5.4", "5.5", "5.6", "5.8", "7.1", "7.4"],
    reviewIntervalMonths: null,
    requiresAck: true,
    approvedDaysAgo: 240,
    body: CONTAINER,
  },
  {
    code: "SOP-CYB-03",
    title: "Cybersecurity policy",
    criterionIds: ["4.1", "4.2", "4.6", "4.7", "4.8", "4.9", "4.12", "4.13"],
    reviewIntervalMonths: 12,
    requiresAck: true,
    approvedDaysAgo: 410,
    body: CYBER,
    revision: { body: CYBER_REVISION, changeNote: "Adds vendor access rules" },
  },
  {
    code: "SOP-ACC-04",
    title: "Physical access control: badges, visitors and drivers",
    criterionIds: ["10.1", "10.2", "10.3", "10.4", "10.7", "10.10"],
    reviewIntervalMonths: null,
    requiresAck: false,
    approvedDaysAgo: 150,
    body: ACCESS,
  },
  {
    code: "SOP-TRN-05",
    title: "Security and threat-awareness training",
    criterionIds: ["12.1", "12.2", "12.4", "12.8", "12.10"],
    reviewIntervalMonths: 12,
    requiresAck: false,
    approvedDaysAgo: 95,
    body: TRAINING,
  },
  {
    code: "SOP-BP-06",
    title: "Business partner screening and monitoring",
    criterionIds: ["3.1", "3.4", "3.5", "3.6", "3.7", "3.9"],
    reviewIntervalMonths: 24,
    requiresAck: false,
    approvedDaysAgo: 60,
    body: PARTNERS,
  },
];
