import type { CriterionInput } from "../criteria.schema.ts";
import { app, CORE, each, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/** Category 11 – Personnel Security. 11.3 and 11.4 were not found (reference §3A; addendum-2 §11). */
export const CATEGORY_11: CriterionInput[] = [
  {
    id: "11.1",
    categoryId: 11,
    requirement: {
      en: "Screen job applicants through a written process and, where the law allows, verify their work history and references before hiring.",
      es: "Evaluar a los candidatos mediante un proceso por escrito y, cuando la ley lo permita, verificar su historial de empleo y sus referencias antes de contratarlos.",
    },
    guidance: {
      basis: "reference",
      en: "Where local law limits full checks, verify what can lawfully be verified. The written screening and the verification form one criterion.",
      es: "Si la ley local limita las verificaciones completas, verifique lo que sea legalmente posible. El proceso por escrito y la verificación forman un solo criterio.",
    },
    applicability: each(CORE, app("must", "verified", SRC.webinarPers)),
    provenance: {
      ...prov("verified", SRC.webinarPers, SRC.portalMock, SRC.seeder),
      note: "CBP's slide shows only the verification sentence; 'written process' comes from the portal mock (addendum-2 §A).",
    },
  },
  {
    id: "11.2",
    categoryId: 11,
    requirement: {
      en: "Within the law, run background checks (identity; local and national criminal records), weigh results in hiring, include temporary staff and contractors, and recheck for cause or by role sensitivity.",
      es: "Conforme a la ley, verificar antecedentes (identidad; antecedentes penales locales y nacionales), considerar los resultados al contratar, incluir a personal temporal y contratistas y repetir la verificación por causa o según la sensibilidad del puesto.",
    },
    guidance: {
      basis: "reference",
      en: "Checks may go deeper in high-risk areas; the depth for temporary staff and contractors follows the sensitivity of the position.",
      es: "Las verificaciones pueden ser más profundas en zonas de alto riesgo; para temporales y contratistas, la profundidad depende de la sensibilidad del puesto.",
    },
    applicability: each(CORE, app("should", "verified", SRC.webinarPers)),
    provenance: prov("verified", SRC.webinarPers, SRC.portalMock, SRC.seeder),
  },
  {
    id: "11.5",
    categoryId: 11,
    requirement: {
      en: "Have an employee code of conduct, and have employees and contractors confirm in writing that they have read it.",
      es: "Contar con un código de conducta para los empleados y que empleados y contratistas confirmen por escrito que lo han leído.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep the signed acknowledgements with the personnel files.",
      es: "Archive los acuses firmados en los expedientes del personal.",
    },
    applicability: each(CORE, app("must", "verified", SRC.csms)),
    provenance: {
      ...prov("verified", SRC.csms, SRC.portalMock, SRC.seeder),
      note: "Added for all entity types between the May 2019 draft and the final version.",
    },
  },
];
