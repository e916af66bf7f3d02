/**
 * Demo answers for the importer's Security Profile (Sierra Norte Imports: HQ in Dallas, Laredo cross-dock,
 * Inland Empire DC, Memphis returns warehouse, Nuevo Laredo trailer yard). Our own wording, written for the demo.
 * `reviewedMonthsAgo`: null = never reviewed; above 12 = the yearly review is overdue.
 */
export interface DemoAnswer {
  status: "implemented" | "partial" | "not_implemented" | "not_applicable";
  narrative: string;
  naJustification?: string;
  reviewedMonthsAgo: number | null;
}

const done = (narrative: string, reviewedMonthsAgo: number | null = 4): DemoAnswer => ({
  status: "implemented",
  narrative,
  reviewedMonthsAgo,
});
const partly = (narrative: string, reviewedMonthsAgo: number | null = 3): DemoAnswer => ({
  status: "partial",
  narrative,
  reviewedMonthsAgo,
});
const missing = (narrative: string): DemoAnswer => ({ status: "not_implemented", narrative, reviewedMonthsAgo: 2 });

/** By criterion ID. Criteria not listed stay "not assessed". */
export const DEMO_ANSWERS: Record<string, DemoAnswer> = {
  "1.1": done("The CEO's signed security commitment (2024 revision) hangs at reception in Dallas and in every break room.", 7),
  "1.2": done(
    "Security committee with logistics, HR, IT and compliance meets monthly; seal and gate steps live inside the warehouse SOPs.",
  ),
  "1.3": done("Internal audit checks the CTPAT program every spring; the checklist was updated after the Memphis site opened.", 10),
  "1.4": done("The trade compliance manager is the CTPAT contact and gives leadership a quarterly program report with audit findings."),
  "2.1": done("Company-wide risk assessment in the GRC workbook rates threats per site and names an owner for every mitigation.", 11),
  "2.2": partly("Supplier-to-DC flows are mapped for Mexican suppliers; the Asian ocean lanes still lack the rest points at transloads."),
  "2.3": done("Risk assessment reviewed each March by the security committee; the last review added the Memphis returns flow.", 14),
  "2.4": done("Business continuity plan covers loss of the Laredo cross-dock, with an alternate yard contract and a call tree."),
  "3.1": done("New partners go through the onboarding questionnaire, denied-party screening and an AML/TF check in the screening tool."),
  "3.4": done(
    "CTPAT SVI numbers are checked in the portal at onboarding and every six months; AEO certificates are filed for EU suppliers.",
  ),
  "3.5": done(
    "Non-certified carriers and suppliers complete our MSC questionnaire; high-risk ones get a site visit by the security manager.",
  ),
  "3.6": done("Findings from partner visits go into the corrective-action log; closure requires photos or documents from the partner."),
  "3.7": done("Partner assessments are refreshed every two years, or yearly for partners rated high risk."),
  "3.9": partly("Supplier code of conduct bans forced and child labor; audits cover tier-1 factories only, tier-2 mapping is in progress."),
  "4.1": done("Information security policy set (12 policies) maps each one to the CTPAT cybersecurity criteria."),
  "4.2": done("Managed EDR on every endpoint, next-gen firewall at each site, phishing simulations quarterly, tested restore runbook."),
  "4.3": partly("External penetration test done last year; internal vulnerability scans are monthly but patch times are not tracked yet."),
  "4.5": done("SIEM alerts on failed logins, privilege changes and data exports; violations follow the HR disciplinary policy."),
  "4.6": done("IT policies reviewed each January by the IT director and the security committee, minutes kept on the intranet.", 13),
  "4.7": done("Access is granted by role templates, reviewed each quarter by managers, and disabled the day HR records a departure."),
  "4.8": done("Individual accounts only; MFA on email, ERP and VPN; passwords reset at once when a compromise is suspected."),
  "4.9": done("Remote access only through the company VPN with MFA and device certificates; no open RDP."),
  "4.10": done("Personal phones reach email only through the MDM container, which enforces updates, PIN and remote wipe."),
  "4.11": done("Hardware and software are bought only from authorized resellers through IT; licenses are tracked in the asset system."),
  "4.12": done("Nightly backups with weekly off-site copies; laptops use full-disk encryption and file shares are encrypted at rest."),
  "4.13": partly("Asset inventory lists laptops and servers; USB media and old copier drives are not yet tracked to NIST 800-88 disposal."),
  "5.1": done("Empty trailers wait inside the fenced, lit Nuevo Laredo yard with gate guards and camera coverage."),
  "5.2": done("SOP-05 describes the 7-point trailer inspection and the agricultural check for seeds, soil and insects."),
  "5.3": done("Yard staff inspect every trailer at gate-in, gate-out and before loading, using the 7-point method."),
  "5.4": done("Trailer doors carry tamper-resistant hinges and rivets; locking bars and cam keepers are checked before sealing."),
  "5.5": done("Paper checklist with trailer number, date, time and inspector, signed by the shift supervisor, travels with the BOL."),
  "5.6": done("Inspections happen in the marked inspection lane under two cameras at the Laredo cross-dock."),
  "5.8": done("The operations manager pulls two random trailers a month for an unannounced second inspection, logged in SOP-05."),
  "5.14": partly("GPS tracking is in the contracts of our two main carriers; smaller carriers still report position by phone."),
  "5.16": done("Carrier contracts forbid stops within 50 miles of the border; GPS stop alerts go to the dispatch desk."),
  "5.29": done(
    "The security manager alerts the carrier, the SCSS and local police within the hour; contacts are in the incident binder.",
    null,
  ),
  "6.1": done(
    "SOP-06 covers seal purchase, storage in the locked cabinet, the seal log, issue to loaders and tampered-seal handling; reviewed yearly.",
    15,
  ),
  "6.2": done(
    "Every export and cross-dock trailer gets an ISO 17712 'H' bolt seal right after loading; the number goes into the seal log.",
  ),
  "6.5": done("Our seal supplier's ISO 17712:2013 conformance certificate, from an ISO/IEC 17025 lab, is on file and renewed yearly."),
  "6.6": done("The warehouse supervisor counts the seal cabinet monthly and reconciles it with the seal log and the BOLs."),
  "6.7": done("Loaders apply VVTT (view, verify, tug, twist) to every bolt seal and initial the seal log."),
  "7.1": done("Cargo staged overnight sits in the caged high-value area or in sealed trailers inside the fenced yard."),
  "7.2": done("Weekly walk-through of the staging area for pests and debris, recorded on the sanitation checklist."),
  "7.4": done("A lead or supervisor is present for every trailer loading and signs the loading sheet."),
  "7.6": done("Entry data is checked by our broker and our compliance analyst against the commercial invoice before filing."),
  "7.8": done("BOL weights come from the certified dock scale; piece counts are scanned; the first foreign location is always named."),
  "7.10": done("Compliance analysts flag mismatched shippers, odd routings and vague descriptions; they take red-flag training yearly."),
  "7.23": done("Incident escalation SOP with the SCSS, Laredo port of entry and police contacts; the list is checked every quarter."),
  "7.24": done("Staff challenge anyone without a badge and call the guard desk; guards escort them out and log the event."),
  "7.25": done("An anonymous hotline and web form are run by a third party; reports go to HR and the security manager."),
  "7.27": done("Overages and shortages over 2% trigger a discrepancy report, investigated by the DC manager within 48 hours."),
  "7.28": done("Receiving scans every carton against the ASN; outbound loads are checked against the pick list before sealing."),
  "7.29": done("Seal numbers are emailed to the consignee from the WMS when the trailer is closed."),
  "7.30": done("The WMS prints the seal number on the bill of lading and the packing list.", null),
  "7.37": done("Every incident opens an internal investigation file in the case tracker, owned by the security manager."),
  "8.1": done("Wood packaging must carry the ISPM 15 mark; receiving rejects unmarked or infested pallets and logs them."),
  "9.1": done("Perimeter fencing, bollards at the dock doors and locked pedestrian gates at all three warehouses."),
  "9.2": done("Eight-foot fence around the Laredo yard, inner fence around hazmat storage, monthly fence inspection with repairs logged."),
  "9.4": done("Guarded vehicle gate at Laredo and Nuevo Laredo; badge-controlled pedestrian gates; bag checks as the law allows."),
  "9.5": done("Employee and visitor parking is outside the fence, at least 100 feet from the docks."),
  "9.6": done("LED lighting on gates, docks, fence lines and parking, checked monthly on the night-shift checklist."),
  "9.7": done("Cameras, door alarms and a monitored intrusion system cover the warehouses and the yard."),
  "9.8": done(
    "Security technology policy covers access, monthly tests, inspection records, corrective action and the monitoring contract.",
    13,
  ),
  "9.9": done("Cameras and alarms were designed and installed by a licensed low-voltage contractor."),
  "9.10": done("Recorders and network gear sit in locked IT closets with access limited to IT and the security manager."),
  "9.12": done("Cameras cover docks, yard and entrances; intrusion alarms on all exterior doors after hours."),
  "9.13": done("Cameras watch loading doors, the seal cabinet and the inspection lane, recording around the clock in 4K."),
  "9.14": done("The VMS emails the security manager when a camera goes offline or stops recording."),
  "9.15": partly("Weekly random footage reviews happen at Laredo with written summaries; the Memphis site has not started them yet."),
  "9.16": done("Footage of docks and the inspection lane is kept for 90 days."),
  "10.1": done("Badge SOP: HR requests, security issues; access by role zones; badges deactivated on the last day of work."),
  "10.2": done("Visitors show photo ID, sign the electronic log, wear a red visitor badge and stay with an escort."),
  "10.3": done("Guards check each driver's government photo ID against the appointment before loading or unloading."),
  "10.4": done("The gate log records driver name, carrier, truck and trailer numbers, times in and out, and the departure seal number."),
  "10.7": done("Dock appointments are booked in the yard system; carriers send driver name and truck number the day before."),
  "10.9": done("Deliveries are received only at doors 1–4, inside camera view.", null),
  "10.10": done("Guard post orders are written per site; the security manager audits guard compliance each month."),
  "11.1": done("HR verifies work history and references for every hire using the written hiring procedure."),
  "11.2": done("Identity and criminal background checks for all hires and agency staff; rechecks every three years for dock and IT roles."),
  "11.5": done("Code of conduct signed at hire and re-acknowledged yearly in the HR system, contractors included."),
  "12.1": done(
    "New hires take CTPAT awareness training in week one; dock, gate and IT roles get role-specific modules; records in the LMS.",
  ),
  "12.2": done("Yearly refreshers, plus refreshers after incidents; inspectors practise finding hidden compartments and pests."),
  "12.4": partly("Quizzes follow each course, but we do not yet measure whether behaviour on the dock changes."),
  "12.7": done("Receiving and yard staff are trained on ISPM 15 marks and spotting infested wood."),
  "12.8": done("Yearly security-awareness course on passwords, MFA and phishing for every computer user."),
  "12.9": done("The camera and alarm vendor trains the security staff who operate the systems."),
  "12.10": done("All staff learn how to report incidents and suspicious activity: the hotline, the supervisor and the security manager."),
  "4.4": missing("No policy yet for sharing cyber-threat information with partners or government; planned with the IT director."),
  "7.5": missing("Seal photos are not taken at stuffing yet; phones for the loaders are budgeted for next quarter."),
  "9.11": missing("No generator or UPS for the cameras at the Nuevo Laredo yard; quote requested."),
  "7.7": {
    status: "not_applicable",
    narrative: "No paper customs forms on hand.",
    naJustification:
      "Every entry and export filing goes electronically through our broker's ACE connection; we hold no blank or paper import or export forms.",
    reviewedMonthsAgo: 5,
  },
};
