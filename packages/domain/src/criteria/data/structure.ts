import type { FocusArea, MscCategory } from "../criteria.schema.ts";
import { prov } from "./helpers.ts";

const REF_STRUCTURE = "ctpat-reference.md §2 (MSC structure: 3 focus areas, 12 categories)";
const GLOSSARY = "glossary-es.md §0 and §2 (Spanish titles)";

/** The three focus areas. Spanish titles are CBP's own (glossary-es.md §0, item 3: confirmed). */
export const FOCUS_AREAS: FocusArea[] = [
  {
    id: "corporate-security",
    number: 1,
    name: { en: "Corporate Security", es: "La seguridad empresarial" },
    provenance: prov("verified", REF_STRUCTURE, GLOSSARY),
  },
  {
    id: "transportation-security",
    number: 2,
    name: { en: "Transportation Security", es: "La seguridad del transporte" },
    provenance: prov("verified", REF_STRUCTURE, GLOSSARY),
  },
  {
    id: "people-and-physical-security",
    number: 3,
    name: { en: "People and Physical Security", es: "La seguridad física y de las personas" },
    provenance: prov("verified", REF_STRUCTURE, GLOSSARY),
  },
];

const NUMBERING_NOTE =
  "One public seeder and one consultant list put Physical Access Controls before Physical Security; the criterion IDs " +
  "(9.x fences/cameras, 10.x badges/visitors) and CBP's English deck support 9 = Physical Security (reference §2; glossary §0 item 4).";

/**
 * The 12 categories. English names from reference §2; category 1 and the three categories new in 2019 (1, 4, 8)
 * are tagged V there, 9 is V through its criteria, 10 is P. Spanish titles from glossary-es.md §2; where the glossary
 * says "exact CBP wording unconfirmed" the Spanish name is graded uncertain.
 */
export const CATEGORIES: MscCategory[] = [
  {
    id: 1,
    slug: "security-vision-and-responsibility",
    focusAreaId: "corporate-security",
    name: { en: "Security Vision and Responsibility", es: "La visión de la seguridad y la responsabilidad" },
    nameEsCertainty: "verified",
    provenance: prov("verified", REF_STRUCTURE, "booklet excerpts (reference §2)"),
  },
  {
    id: 2,
    slug: "risk-assessment",
    focusAreaId: "corporate-security",
    name: { en: "Risk Assessment", es: "Evaluación de riesgos" },
    nameEsCertainty: "uncertain",
    provenance: prov("secondary", REF_STRUCTURE),
  },
  {
    id: 3,
    slug: "business-partners",
    focusAreaId: "corporate-security",
    name: { en: "Business Partners", es: "Socios comerciales" },
    nameEsCertainty: "uncertain",
    provenance: { ...prov("secondary", REF_STRUCTURE), note: "Some sources say 'Business Partner Security'." },
  },
  {
    id: 4,
    slug: "cybersecurity",
    focusAreaId: "corporate-security",
    name: { en: "Cybersecurity", es: "Ciberseguridad" },
    nameEsCertainty: "secondary",
    provenance: prov("verified", REF_STRUCTURE, "normanjaspanassociates.com (new categories; reference §2)"),
  },
  {
    id: 5,
    slug: "conveyance-and-iit-security",
    focusAreaId: "transportation-security",
    name: {
      en: "Conveyance and Instruments of International Traffic Security",
      es: "Seguridad de los medios de transporte y de los instrumentos de tráfico internacional",
    },
    nameEsCertainty: "uncertain",
    provenance: {
      ...prov("secondary", REF_STRUCTURE, GLOSSARY),
      note: "CBP's Spanish webinar titles this section 'Seguridad de Instrumentos de Tráfico Internacional (IIT)'.",
    },
  },
  {
    id: 6,
    slug: "seal-security",
    focusAreaId: "transportation-security",
    name: { en: "Seal Security", es: "Seguridad de los sellos" },
    nameEsCertainty: "uncertain",
    provenance: prov("secondary", REF_STRUCTURE),
  },
  {
    id: 7,
    slug: "procedural-security",
    focusAreaId: "transportation-security",
    name: { en: "Procedural Security", es: "Seguridad de los procedimientos" },
    nameEsCertainty: "uncertain",
    provenance: {
      ...prov("secondary", REF_STRUCTURE, GLOSSARY),
      note: "CBP's Spanish webinar titles this section 'Seguridad de Procesos'.",
    },
  },
  {
    id: 8,
    slug: "agricultural-security",
    focusAreaId: "transportation-security",
    name: { en: "Agricultural Security", es: "Seguridad agrícola" },
    nameEsCertainty: "secondary",
    provenance: prov("verified", REF_STRUCTURE, "FM booklet Nov 2019 p.30 (slidepub; reference §2, addendum-3 U1)"),
  },
  {
    id: 9,
    slug: "physical-security",
    focusAreaId: "people-and-physical-security",
    name: { en: "Physical Security", es: "Seguridad física" },
    nameEsCertainty: "secondary",
    provenance: { ...prov("verified", REF_STRUCTURE, "adhainestech.ca 9.7–9.16 pages (reference §2)"), note: NUMBERING_NOTE },
  },
  {
    id: 10,
    slug: "physical-access-controls",
    focusAreaId: "people-and-physical-security",
    name: { en: "Physical Access Controls", es: "Controles de acceso físico" },
    nameEsCertainty: "secondary",
    provenance: { ...prov("secondary", REF_STRUCTURE, "portal mock (tag P)"), note: NUMBERING_NOTE },
  },
  {
    id: 11,
    slug: "personnel-security",
    focusAreaId: "people-and-physical-security",
    name: { en: "Personnel Security", es: "Seguridad del personal" },
    nameEsCertainty: "secondary",
    provenance: {
      ...prov("secondary", REF_STRUCTURE, GLOSSARY),
      note: "CBP's Spanish webinar titles this deck 'Seguridad de Personal'.",
    },
  },
  {
    id: 12,
    slug: "education-training-and-awareness",
    focusAreaId: "people-and-physical-security",
    name: { en: "Education, Training and Awareness", es: "Educación, capacitación y concientización" },
    nameEsCertainty: "uncertain",
    provenance: prov("secondary", REF_STRUCTURE),
  },
];
