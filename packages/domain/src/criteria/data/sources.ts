/**
 * Source labels used in the criteria data. Each names the document and where the reference files
 * (shared/domain/ctpat-reference.md, -addendum.md, -addendum-2.md, -addendum-3.md) record it.
 */
export const SRC = {
  // CBP MSC booklets (only the opening pages, plus FM page 30, could be read).
  impBooklet: "CBP MSC booklet, U.S. Importers, Nov 2019, p.1 (docslib 7623257) [reference §3A; addendum-3 U7]",
  fmBooklet:
    "CBP MSC booklet, Foreign Manufacturers, Nov 2019, p.1 and p.30 (slidepub/scribd) [reference §3B; addendum-2 T3; addendum-3 U1/U2]",
  fmBookletEs: "CBP Spanish MSC booklet, Foreign Manufacturers, Mar 2020, p.1 (readkong/slideshare) [addendum S9]",
  hcBooklet: "CBP MSC booklets, Highway Carriers, Nov 2019 and Mar 2020, p.1 [reference §3C; addendum-2 T4; addendum-3 U6]",
  lhBooklet: "CBP MSC booklet, Mexican Long Haul Highway Carriers, Nov 2019, p.1 [addendum S8; addendum-3 U5]",
  tplBooklet: "CBP MSC booklet, 3PLs, Mar 2020, p.1 [addendum S7; addendum-3 U4]",

  // CBP decks and notices.
  sealSlides: "CBP 'MSC Seals – English' slides, 2020, entity tags (scribd 724073342) [reference §3A/§3D; addendum-2 T2]",
  webinarBp: "CBP Spanish webinar 2020, section 3 Business Partners, 'Deben' headings (scribd 495545923) [addendum S4]",
  webinarProc: "CBP Spanish webinar 2020, section 4 Procedural Security, entity tags (scribd 495545921) [addendum S3]",
  webinarIit: "CBP Spanish webinar 2020, section 5 IIT Security, entity tags (pdfcoffee) [addendum S2]",
  webinarPers: "CBP Spanish webinar 2020, Personnel Security, CORE tags (scribd 630440099) [addendum-2 T1]",
  csms: "CBP CSMS #41052241 (late 2019) and internationaltradetoday 2019-12-18: added for all entities [reference §0; addendum S10]",

  // Per-criterion pages and secondary sources.
  adhaines: "adhainestech.ca per-criterion pages quoting the importer booklet [reference §3A; addendum S1]",
  gtc: "globaltrainingcenter.com text of the cybersecurity criteria [reference §3A]",
  asesores: "asesores-stratego.com on passwords [reference §3A]",
  intekel: "intekel.com quoting Highway Carrier criterion 5.3 [addendum S6]",
  gistnet: "gistnet.com training syllabi citing 'MSC 12.x' (consolidators 1369, customs brokers 1708) [reference §3A; addendum S11]",
  ctStrategies: "ct-strategies.com 2023-09-22 on social compliance [reference §3A]",
  forcedLabor: "communicationsdaily 2023-03-22 (CBP forced-labor alert), blog.tradewin.net, setlog.com [reference §3A/§3B/§3D]",
  cbpBulletin: "CBP bulletin 1885-0822 (July 2022) via lmbrokerage.com [reference §3A, §5.3]",

  // Secondary (tag P / Q / W).
  portalMock: "CTPAT Portal validation mock, importer view (GitHub sindhuv23/ctpat-portal-ui), tag P [reference §3A]",
  seeder: "Developer seeders quoting English MSC wording by ID, no entity field, tags Q/W [addendum S5; addendum-3 U8]",
} as const;
