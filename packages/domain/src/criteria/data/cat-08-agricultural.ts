import type { CriterionInput } from "../criteria.schema.ts";
import { app, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/** Category 8 – Agricultural Security (new in 2019). One seeder also shows an "8.2" label with no text (existence uncertain; not included). */
export const CATEGORY_8: CriterionInput[] = [
  {
    id: "8.1",
    categoryId: 8,
    requirement: {
      en: "Keep written procedures that prevent visible pest contamination, including wood packaging material rules (ISPM 15), and apply them throughout the supply chain.",
      es: "Mantener procedimientos por escrito que prevengan la contaminación visible de plagas, incluidas las reglas para el material de embalaje de madera (NIMF 15), y aplicarlos en toda la cadena de suministro.",
    },
    guidance: {
      basis: "reference",
      en: "Wood packaging material is wood used to support, protect or carry goods (paper excluded); it needs a legitimate ISPM 15 mark showing heat treatment or fumigation. CBP named 8.1 among the most frequent non-compliances found in 2022 validations.",
      es: "El material de embalaje de madera es la madera que sostiene, protege o transporta mercancía (se excluye el papel); requiere una marca NIMF 15 legítima que indique tratamiento térmico o fumigación. CBP señaló el 8.1 entre los incumplimientos más frecuentes en validaciones de 2022.",
    },
    applicability: {
      importer: app("must", "verified", `${SRC.cbpBulletin}; ${SRC.portalMock}`),
      "foreign-manufacturer": app("must", "verified", SRC.fmBooklet),
    },
    provenance: prov("verified", SRC.fmBooklet, SRC.cbpBulletin, SRC.portalMock, SRC.seeder),
  },
];
