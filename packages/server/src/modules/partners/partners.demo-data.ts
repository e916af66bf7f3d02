import type { PartnerStatus, PartnerType, ScreeningKind, ScreeningResult, SiteKind } from "@portcullis/domain";

/**
 * The demo importer's business partners (all names invented): suppliers in Mexico and Asia, carriers, a customs
 * broker and a 3PL at the Laredo crossing. Dates are offsets from the day the demo is seeded, so reminders and
 * "expired" flags look the same whenever it runs.
 */
export interface DemoPartner {
  key: string;
  name: string;
  legalName: string;
  type: PartnerType;
  countryCode: string;
  address: string;
  website?: string;
  riskLevel: "low" | "medium" | "high";
  notes?: string;
  identifiers: { kind: "mid" | "scac" | "iata-org" | "fmc" | "duns" | "ein" | "rfc" | "tax-id"; value: string }[];
  contacts: { name: string; email?: string; phone?: string; role?: string }[];
  sites: { key: string; name: string; kind: SiteKind; countryCode: string; address: string; latitude: number; longitude: number }[];
  /** validTo / lastVerifiedOn as days from today (negative = past). */
  certifications: { program: string; certificateId: string; validToDays: number | null; lastVerifiedDays: number | null }[];
  screenings: { kind: ScreeningKind; result: ScreeningResult; indicators: string[]; notes: string; daysAgo: number }[];
  /** The moves after creation (prospect), each with its reason. */
  moves: { to: PartnerStatus; reason: string }[];
}

export const APPROVE = [
  { to: "screening", reason: "Onboarding: due diligence started" },
  { to: "approved", reason: "Due diligence complete, security questionnaire reviewed" },
] as const satisfies DemoPartner["moves"];

/** Suppliers: three Mexican plants and three in Asia (the Ningbo mould maker is tier 2, behind Pearl Delta). */
export const DEMO_SUPPLIERS: DemoPartner[] = [
  {
    key: "juarez-maquila",
    name: "Ensambles del Bravo",
    legalName: "Ensambles del Bravo S.A. de C.V.",
    type: "manufacturer",
    countryCode: "MX",
    address: "Av. Tecnológico 2150, Parque Industrial Río Bravo, Ciudad Juárez, Chih.",
    riskLevel: "medium",
    notes: "IMMEX maquiladora: wire harnesses and control boards. Loads our trailers at its dock.",
    identifiers: [
      { kind: "rfc", value: "EBR980512K31" },
      { kind: "mid", value: "MXENSBRA2150CIU" },
    ],
    contacts: [{ name: "Mariana Ochoa", email: "mochoa@ensamblesbravo.example", phone: "+52 656 555 0142", role: "Security manager" }],
    sites: [
      {
        key: "juarez-plant",
        name: "Planta Río Bravo",
        kind: "factory",
        countryCode: "MX",
        address: "Av. Tecnológico 2150, Ciudad Juárez, Chih.",
        latitude: 31.6904,
        longitude: -106.4245,
      },
    ],
    certifications: [{ program: "mx-oea", certificateId: "OEA-2023-04417", validToDays: 410, lastVerifiedDays: -345 }],
    screenings: [{ kind: "due-diligence", result: "pass", indicators: [], notes: "Site visit and OEA status checked.", daysAgo: 120 }],
    moves: [...APPROVE],
  },
  {
    key: "monterrey-autoparts",
    name: "Autopartes Cerro de la Silla",
    legalName: "Autopartes Cerro de la Silla S. de R.L. de C.V.",
    type: "manufacturer",
    countryCode: "MX",
    address: "Carretera Miguel Alemán km 21, Apodaca, N.L.",
    riskLevel: "low",
    identifiers: [{ kind: "rfc", value: "ACS050301QW7" }],
    contacts: [{ name: "Héctor Garza", email: "hgarza@cerrosilla.example", role: "Logistics" }],
    sites: [
      {
        key: "monterrey-plant",
        name: "Planta Apodaca",
        kind: "factory",
        countryCode: "MX",
        address: "Carretera Miguel Alemán km 21, Apodaca, N.L.",
        latitude: 25.7789,
        longitude: -100.1862,
      },
    ],
    certifications: [{ program: "ctpat", certificateId: "CTPAT-FM-88231", validToDays: null, lastVerifiedDays: -30 }],
    screenings: [{ kind: "due-diligence", result: "pass", indicators: [], notes: "CTPAT status verified in the portal.", daysAgo: 60 }],
    moves: [...APPROVE],
  },
  {
    key: "guadalajara-furniture",
    name: "Muebles Tlaquepaque",
    legalName: "Muebles Artesanales de Tlaquepaque S.A. de C.V.",
    type: "manufacturer",
    countryCode: "MX",
    address: "Calle Independencia 310, San Pedro Tlaquepaque, Jal.",
    riskLevel: "medium",
    notes: "Solid-wood furniture. OEA certificate lapsed; renewal promised.",
    identifiers: [{ kind: "rfc", value: "MAT120815HN2" }],
    contacts: [{ name: "Lucía Navarro", email: "lnavarro@mueblestlq.example" }],
    sites: [
      {
        key: "guadalajara-workshop",
        name: "Taller Tlaquepaque",
        kind: "factory",
        countryCode: "MX",
        address: "Calle Independencia 310, San Pedro Tlaquepaque, Jal.",
        latitude: 20.6401,
        longitude: -103.3126,
      },
    ],
    certifications: [{ program: "mx-oea", certificateId: "OEA-2021-01288", validToDays: -45, lastVerifiedDays: -420 }],
    screenings: [
      { kind: "forced-labor", result: "pass", indicators: [], notes: "Code of conduct and payroll sample reviewed.", daysAgo: 20 },
    ],
    moves: [APPROVE[0]],
  },
  {
    key: "shenzhen-electronics",
    name: "Pearl Delta Circuitry",
    legalName: "Pearl Delta Circuitry Co., Ltd.",
    type: "manufacturer",
    countryCode: "CN",
    address: "Building 7, Fuhai Industrial Zone, Bao'an District, Shenzhen, Guangdong",
    riskLevel: "high",
    identifiers: [
      { kind: "tax-id", value: "91440300MA5FQ2LX8T" },
      { kind: "mid", value: "CNPEADELSHE" },
    ],
    contacts: [{ name: "Chen Wei", email: "chen.wei@pearldelta.example", role: "Export manager" }],
    sites: [
      {
        key: "shenzhen-factory",
        name: "Bao'an Factory",
        kind: "factory",
        countryCode: "CN",
        address: "Fuhai Industrial Zone, Bao'an District, Shenzhen",
        latitude: 22.6823,
        longitude: 113.8127,
      },
    ],
    certifications: [],
    screenings: [
      {
        kind: "tbml",
        result: "concern",
        indicators: ["tbml.price-mismatch", "tbml.third-party-payments"],
        notes: "Two invoices well under market price, paid from a Hong Kong account of another company. Asked for an explanation.",
        daysAgo: 165,
      },
    ],
    moves: [...APPROVE],
  },
  {
    key: "ningbo-tooling",
    name: "Beilun Precision Moulds",
    legalName: "Ningbo Beilun Precision Moulds Co., Ltd.",
    type: "manufacturer",
    countryCode: "CN",
    address: "Xinqi Industrial Park, Beilun District, Ningbo, Zhejiang",
    riskLevel: "medium",
    notes: "Makes the injection moulds Pearl Delta uses for our enclosures (tier 2).",
    identifiers: [],
    contacts: [],
    sites: [
      {
        key: "ningbo-works",
        name: "Beilun Works",
        kind: "factory",
        countryCode: "CN",
        address: "Xinqi Industrial Park, Beilun District, Ningbo",
        latitude: 29.9014,
        longitude: 121.8472,
      },
    ],
    certifications: [],
    screenings: [],
    moves: [],
  },
  {
    key: "hcmc-apparel",
    name: "Saigon Riverside Garments",
    legalName: "Saigon Riverside Garments Joint Stock Company",
    type: "manufacturer",
    countryCode: "VN",
    address: "Lot C4, Tan Thuan Export Processing Zone, District 7, Ho Chi Minh City",
    riskLevel: "high",
    identifiers: [{ kind: "mid", value: "VNSAIRIVHOC" }],
    contacts: [{ name: "Nguyen Thi Lan", email: "lan.nguyen@saigonriverside.example", role: "Compliance" }],
    sites: [
      {
        key: "hcmc-plant",
        name: "Tan Thuan Plant",
        kind: "factory",
        countryCode: "VN",
        address: "Tan Thuan EPZ, District 7, Ho Chi Minh City",
        latitude: 10.7665,
        longitude: 106.7393,
      },
    ],
    certifications: [],
    screenings: [
      {
        kind: "forced-labor",
        result: "fail",
        indicators: ["fl.retained-documents", "fl.recruitment-fees", "fl.excessive-overtime"],
        notes: "Audit found passports held by the dormitory office and recruitment fees deducted from wages. Remediation plan requested.",
        daysAgo: 15,
      },
    ],
    moves: [...APPROVE, { to: "suspended", reason: "Forced-labor audit failed; orders on hold until remediation is verified" }],
  },
];
