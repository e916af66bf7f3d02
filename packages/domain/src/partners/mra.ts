import { z } from "zod";
import { CertaintySchema } from "../criteria/criteria.schema.ts";

/**
 * CBP's Mutual Recognition Arrangements: a foreign program whose certified members a CTPAT member may accept as
 * evidence in partner screening (MSC 3.4). Facts from shared/domain/ctpat-reference.md §8, with its grades.
 */
export const MraProgramSchema = z.object({
  /** Stable slug. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** ISO 3166-1 alpha-2, or "EU" for the European Union. */
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  partner: z.object({ en: z.string().min(1), es: z.string().min(1) }),
  program: z.string().min(1),
  /** When it was signed, as precisely as the sources give it. */
  signed: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  certainty: CertaintySchema,
  /** Where the sources disagree, what each says. */
  disputed: z.string().min(1).optional(),
  sources: z.array(z.string().min(1)).min(1),
});
export type MraProgram = z.infer<typeof MraProgramSchema>;

const mra = (p: MraProgram): MraProgram => MraProgramSchema.parse(p);

/** The 18 arrangements in the reference, in the order they were signed. */
export const MRA_PROGRAMS: readonly MraProgram[] = [
  mra({
    id: "nz-ses",
    countryCode: "NZ",
    partner: { en: "New Zealand", es: "Nueva Zelanda" },
    program: "NZ Customs Service Secure Exports Scheme",
    signed: "2007-06",
    certainty: "verified",
    sources: ["cbp.gov mutual recognition page (2014 copy)", "ct-strategies"],
  }),
  mra({
    id: "ca-pip",
    countryCode: "CA",
    partner: { en: "Canada", es: "Canadá" },
    program: "CBSA Partners in Protection (PIP)",
    signed: "2008-06",
    certainty: "verified",
    sources: ["cbp.gov mutual recognition page (2014 copy)", "ct-strategies"],
  }),
  mra({
    id: "jo-golden-list",
    countryCode: "JO",
    partner: { en: "Jordan", es: "Jordania" },
    program: "Jordan Customs Golden List Program",
    signed: "2008-06",
    certainty: "uncertain",
    disputed: "CBP's page says June 2008; the JIFFA 2010 list says June 2007",
    sources: ["cbp.gov mutual recognition page", "jiffa.or.jp/en/news/100323.html"],
  }),
  mra({
    id: "jp-aeo",
    countryCode: "JP",
    partner: { en: "Japan", es: "Japón" },
    program: "Japan Customs and Tariff Bureau AEO",
    signed: "2009-06",
    certainty: "verified",
    sources: ["cbp.gov mutual recognition page (2014 copy)"],
  }),
  mra({
    id: "kr-aeo",
    countryCode: "KR",
    partner: { en: "Korea", es: "Corea" },
    program: "Korea Customs Service AEO",
    signed: "2010-06",
    certainty: "secondary",
    sources: ["ct-strategies", "diaztradelaw.com"],
  }),
  mra({
    id: "eu-aeo",
    countryCode: "EU",
    partner: { en: "European Union", es: "Unión Europea" },
    program: "EU AEO (AEOS and AEOF holders only)",
    signed: "2012-05-04",
    certainty: "secondary",
    sources: ["diaztradelaw.com", "EU–US mutual recognition FAQ (vdocument.in)"],
  }),
  mra({
    id: "tw-aeo",
    countryCode: "TW",
    partner: { en: "Taiwan", es: "Taiwán" },
    program: "Taiwan AEO (through TECRO)",
    signed: "2012-11",
    certainty: "secondary",
    sources: ["ct-strategies", "freightwaves"],
  }),
  mra({
    id: "il-aeo",
    countryCode: "IL",
    partner: { en: "Israel", es: "Israel" },
    program: "Israel Tax Authority AEO",
    signed: "2014-06-27",
    certainty: "verified",
    sources: ["cbp.gov newsroom"],
  }),
  mra({
    id: "mx-oea",
    countryCode: "MX",
    partner: { en: "Mexico", es: "México" },
    program: "SAT Nuevo Esquema de Empresas Certificadas (NEEC), now OEA",
    signed: "2014-10-17",
    certainty: "verified",
    sources: ["iab-sd.com (CBP release)", "loc.gov", "mohawkglobal.com"],
  }),
  mra({
    id: "sg-stp",
    countryCode: "SG",
    partner: { en: "Singapore", es: "Singapur" },
    program: "Singapore Customs Secure Trade Partnership (STP)",
    signed: "2014-12",
    certainty: "secondary",
    sources: ["ct-strategies", "jiffa.or.jp"],
  }),
  mra({
    id: "do-aeo",
    countryCode: "DO",
    partner: { en: "Dominican Republic", es: "República Dominicana" },
    program: "DGA Authorized Economic Operator",
    signed: "2015-12",
    certainty: "verified",
    sources: ["cbp.gov speech", "strtrade.com"],
  }),
  mra({
    id: "pe-aeo",
    countryCode: "PE",
    partner: { en: "Peru", es: "Perú" },
    program: "SUNAT Authorized Economic Operator",
    signed: "2018-09",
    certainty: "secondary",
    sources: ["ct-strategies"],
  }),
  mra({
    id: "gb-aeo",
    countryCode: "GB",
    partner: { en: "United Kingdom", es: "Reino Unido" },
    program: "HMRC AEO",
    signed: "2021-01",
    certainty: "secondary",
    sources: ["c-tpat.com"],
  }),
  mra({
    id: "in-aeo",
    countryCode: "IN",
    partner: { en: "India", es: "India" },
    program: "CBIC AEO",
    signed: "2021-09",
    certainty: "secondary",
    sources: ["c-tpat.com"],
  }),
  mra({
    id: "uy-oec",
    countryCode: "UY",
    partner: { en: "Uruguay", es: "Uruguay" },
    program: "National Customs Directorate Qualified Economic Operator (OEC)",
    signed: "2022-07",
    certainty: "secondary",
    sources: ["c-tpat.com", "strtrade.com"],
  }),
  mra({
    id: "br-oea",
    countryCode: "BR",
    partner: { en: "Brazil", es: "Brasil" },
    program: "RFB Operador Econômico Autorizado (OEA)",
    signed: "2022-09",
    certainty: "secondary",
    sources: ["c-tpat.com (16 MRAs as of September 2022)"],
  }),
  mra({
    id: "gt-oea",
    countryCode: "GT",
    partner: { en: "Guatemala", es: "Guatemala" },
    program: "SAT Guatemala OEA",
    signed: "2023-04-17",
    certainty: "secondary",
    sources: ["bascglobal.net", "marcasur.com"],
  }),
  mra({
    id: "co-oea",
    countryCode: "CO",
    partner: { en: "Colombia", es: "Colombia" },
    program: "DIAN OEA",
    signed: "2023-04",
    certainty: "uncertain",
    disputed: "reported with Guatemala by trade press; marcasur.com mentions Guatemala only",
    sources: ["just-style.com", "sourcingjournal", "federalnewswire"],
  }),
];

/** The arrangement with this id, if any. */
export function getMraProgram(id: string): MraProgram | undefined {
  return MRA_PROGRAMS.find((p) => p.id === id);
}
