import type { CriterionInput } from "../criteria.schema.ts";
import { app, CORE, each, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/** Category 6 – Seal Security. CBP's seal slides tag 6.1/6.2 CORE, 6.3 HC/LH/3PL and 6.4 AIR (reference §3D; addendum-2 §6). */
export const CATEGORY_6: CriterionInput[] = [
  {
    id: "6.1",
    categoryId: 6,
    requirement: {
      en: "Keep detailed written procedures for high-security seals: issuing and controlling them at the site and in transit, and handling tampered or wrong-number seals. Review them every year.",
      es: "Mantener procedimientos detallados por escrito para los sellos de alta seguridad: su emisión y control en la instalación y en tránsito, y la respuesta ante sellos alterados o con número equivocado. Revisarlos cada año.",
    },
    guidance: {
      basis: "reference",
      en: "Cover restricted access and secure storage, a seal log for receipts and issues, trained staff to affix seals, checks after every stop, recording replacement seals, and holding a tampered seal as evidence while investigating and reporting. Keep the procedures at the operating site.",
      es: "Incluya acceso restringido y resguardo seguro, una bitácora de sellos para entradas y entregas, personal capacitado para colocarlos, revisión tras cada parada, registro de sellos de reemplazo y conservar el sello alterado como evidencia mientras se investiga y reporta. Tenga los procedimientos en la instalación.",
    },
    applicability: each(CORE, app("must", "verified", SRC.sealSlides)),
    provenance: prov("verified", SRC.sealSlides, SRC.portalMock, SRC.seeder),
    yearlyReview: true,
    yearlyReviewBasis: { source: `${SRC.portalMock}; reference §6.3 (procedures reviewed at least once a year)`, certainty: "secondary" },
  },
  {
    id: "6.2",
    categoryId: 6,
    requirement: {
      en: "Right after stuffing, seal every CTPAT shipment that can be sealed with a properly attached ISO 17712 high-security seal.",
      es: "Inmediatamente después del llenado, sellar cada envío CTPAT que admita sello con un sello de alta seguridad ISO 17712 bien colocado.",
    },
    guidance: {
      basis: "reference",
      en: "Only class H (high security) seals qualify. ISO 17712:2013 has applied in full to seal makers since May 15 2014 (older stock may be used up). A compliant seal carries a unique number, the maker's name or logo and an 'H' mark.",
      es: "Solo califican los sellos clase H (alta seguridad). La norma ISO 17712:2013 se aplica por completo a los fabricantes de sellos desde el 15 de mayo de 2014 (se puede agotar el inventario anterior). Un sello conforme lleva número único, nombre o logotipo del fabricante y la marca «H».",
    },
    applicability: each(CORE, app("must", "verified", SRC.sealSlides)),
    provenance: prov("verified", SRC.sealSlides, SRC.portalMock, SRC.seeder),
  },
  {
    id: "6.3",
    categoryId: 6,
    requirement: {
      en: "For less-than-truckload freight, lock local pickups with a high-security lock, apply an ISO 17712 seal at the last loading point before the border, and restrict lock keys and combinations.",
      es: "En carga consolidada (LTL), cerrar las recolecciones locales con un candado de alta seguridad, colocar un sello ISO 17712 en el último punto de carga antes de la frontera y restringir llaves y combinaciones.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep a register of who holds lock keys or combinations.",
      es: "Mantenga un registro de quién tiene las llaves o combinaciones de los candados.",
    },
    applicability: each(["highway-carrier", "mexican-long-haul-carrier", "3pl"], app("must", "verified", SRC.sealSlides)),
    provenance: prov("verified", SRC.sealSlides),
  },
  {
    id: "6.4",
    categoryId: 6,
    requirement: {
      en: "Air cargo not moved in a unit load device (ULD): the rest of the criterion text was not retrieved.",
      es: "Carga aérea que no viaja en un dispositivo unitario de carga (ULD): el resto del texto del criterio no se obtuvo.",
    },
    guidance: {
      basis: "editorial",
      en: "Read the full text in CBP's Air Carrier MSC booklet before relying on this entry.",
      es: "Consulte el texto completo en el folleto de criterios de CBP para transportistas aéreos antes de usar esta entrada.",
    },
    applicability: {},
    levelUnknown: [
      {
        entityTypes: ["air-carrier"],
        source: SRC.sealSlides,
        certainty: "verified",
        note: "The slide's AIR tag and ID are readable; the text is cut off, so Must/Should is unknown.",
      },
    ],
    provenance: { ...prov("verified", SRC.sealSlides), note: "Only the ID, the AIR tag and the opening words were readable." },
  },
  {
    id: "6.5",
    categoryId: 6,
    requirement: {
      en: "Members holding seal stock keep documents showing their seals meet the current ISO 17712 standard.",
      es: "Los miembros con inventario de sellos conservan documentos que demuestran que sus sellos cumplen la norma ISO 17712 vigente.",
    },
    guidance: {
      basis: "reference",
      en: "Ask the seal maker for conformance certificates from a test laboratory accredited to ISO/IEC 17025.",
      es: "Pida al fabricante los certificados de conformidad de un laboratorio acreditado en ISO/IEC 17025.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "6.6",
    categoryId: 6,
    requirement: {
      en: "Management or a security supervisor audits seals: stored seals are counted periodically and reconciled with the seal logs and shipping documents, and the audit is recorded.",
      es: "La gerencia o un supervisor de seguridad audita los sellos: se cuentan periódicamente los sellos almacenados, se concilian con las bitácoras y los documentos de embarque, y se documenta la auditoría.",
    },
    guidance: {
      basis: "reference",
      en: "Dock supervisors or warehouse managers also spot-check the seal numbers used on shipments.",
      es: "Los supervisores de andén o los gerentes de almacén también verifican al azar los números de sello usados.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "6.7",
    categoryId: 6,
    requirement: {
      en: "Check every affixed bolt or cable seal with CTPAT's VVTT seal verification process.",
      es: "Revisar cada sello de perno o de cable colocado con el proceso de verificación de sellos VVTT de CTPAT.",
    },
    guidance: {
      basis: "reference",
      en: "View the seal and the container locking mechanisms; Verify the seal number against the documents; Tug the seal to make sure it holds; Twist and turn a bolt seal to make sure it does not unscrew or come apart.",
      es: "Ver el sello y los mecanismos de cierre del contenedor; Verificar el número de sello contra los documentos; Tirar del sello para asegurarse de que está fijo; Torcer y girar el sello de perno para confirmar que no se desenrosca ni se separa.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
];
