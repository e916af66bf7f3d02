import type { CriterionInput } from "../criteria.schema.ts";
import { app, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/** Category 2 – Risk Assessment. No booklet page or webinar deck for 2.x was readable (addendum-2 §2, addendum-3). */
export const CATEGORY_2: CriterionInput[] = [
  {
    id: "2.1",
    categoryId: 2,
    requirement: {
      en: "Carry out and document an overall risk assessment covering threats, risk levels and mitigation, with responsibilities assigned by role.",
      es: "Realizar y documentar una evaluación general de riesgos que cubra amenazas, niveles de riesgo y medidas de mitigación, con responsabilidades asignadas por función.",
    },
    guidance: {
      basis: "reference",
      en: "The overall assessment has two parts: a self-assessment of your own practices against the MSC, and an international risk assessment from the point of stuffing to final destination. CBP's five-step method (map, threats, vulnerabilities, action plan, document) is a common format, not a mandatory one.",
      es: "La evaluación general tiene dos partes: una autoevaluación de las prácticas propias frente a los criterios y una evaluación internacional de riesgos desde el punto de llenado hasta el destino final. El análisis de riesgos en 5 pasos de CBP es un formato habitual, no obligatorio.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "2.2",
    categoryId: 2,
    requirement: {
      en: "The international risk assessment covers how cargo moves from origin to the distribution center: direct and indirect partners, transport modes and places where cargo rests.",
      es: "La evaluación internacional de riesgos abarca el recorrido de la carga desde el origen hasta el centro de distribución: socios directos e indirectos, modos de transporte y lugares donde la carga permanece en reposo.",
    },
    guidance: {
      basis: "reference",
      en: "Map each lane: origin, every partner that handles the cargo, modes, and nodes such as transit and transshipment points (step 1 of CBP's five-step guide).",
      es: "Trace cada ruta: origen, cada socio que maneja la carga, modos de transporte y nodos como puntos de tránsito y transbordo (paso 1 de la guía de 5 pasos de CBP).",
    },
    applicability: {
      importer: app("must", "uncertain", SRC.portalMock, {
        mixed: true,
        note: "Reference: Must, with the mapping sub-question Should (portal mock). Seeder texts word the mapping sentence 'should'. Addendum-3 §G keeps the Must/Should split; no booklet cell was read.",
      }),
    },
    provenance: prov("uncertain", SRC.portalMock, SRC.seeder),
  },
  {
    id: "2.3",
    categoryId: 2,
    requirement: {
      en: "Review risk assessments at least once a year, or more often when risk factors call for it.",
      es: "Revisar las evaluaciones de riesgos al menos una vez al año, o con mayor frecuencia cuando los factores de riesgo lo exijan.",
    },
    guidance: {
      basis: "reference",
      en: "CBP guidance expects more frequent reviews for highway carriers and high-risk supply chains. The annual security-profile review in the CTPAT Portal starts from this assessment.",
      es: "La guía de CBP espera revisiones más frecuentes para transportistas de carretera y cadenas de suministro de alto riesgo. La revisión anual del perfil de seguridad en el portal CTPAT parte de esta evaluación.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
    yearlyReview: true,
    yearlyReviewBasis: { source: `${SRC.portalMock}; reference §4 (review frequency)`, certainty: "secondary" },
  },
  {
    id: "2.4",
    categoryId: 2,
    requirement: {
      en: "Have written plans for crisis management, business continuity, security recovery and business resumption.",
      es: "Contar con planes por escrito de gestión de crisis, continuidad del negocio, recuperación de la seguridad y reanudación de operaciones.",
    },
    guidance: {
      basis: "editorial",
      en: "Test the plans from time to time and record what was learned.",
      es: "Pruebe los planes de vez en cuando y registre las lecciones aprendidas.",
    },
    applicability: { importer: app("should", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.portalMock),
  },
];
