import type { CriterionInput } from "../criteria.schema.ts";
import { app, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/** Category 1 – Security Vision and Responsibility. */
export const CATEGORY_1: CriterionInput[] = [
  {
    id: "1.1",
    categoryId: 1,
    requirement: {
      en: "A senior company official signs a statement of support for supply-chain security, and the statement is displayed at company locations.",
      es: "Un alto funcionario de la empresa firma una declaración de apoyo a la seguridad de la cadena de suministro, que se exhibe en las instalaciones de la empresa.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep the signed statement current (sign it again when the signer changes) and record where it is posted.",
      es: "Mantenga vigente la declaración firmada (vuelva a firmarla si cambia el firmante) y registre dónde está exhibida.",
    },
    applicability: {
      importer: app("should", "verified", SRC.impBooklet),
      "foreign-manufacturer": app("should", "verified", `${SRC.fmBooklet}; ${SRC.fmBookletEs}`),
      "highway-carrier": app("should", "verified", SRC.hcBooklet),
      "mexican-long-haul-carrier": app("should", "verified", SRC.lhBooklet),
      "3pl": app("should", "verified", SRC.tplBooklet),
    },
    provenance: prov("verified", SRC.impBooklet, SRC.fmBooklet, SRC.fmBookletEs, SRC.hcBooklet, SRC.lhBooklet, SRC.tplBooklet),
  },
  {
    id: "1.2",
    categoryId: 1,
    requirement: {
      en: "Form a cross-functional supply-chain security team and build security measures into existing company procedures.",
      es: "Formar un equipo multidisciplinario de seguridad de la cadena de suministro e integrar las medidas de seguridad en los procedimientos existentes de la empresa.",
    },
    guidance: {
      basis: "reference",
      en: "Draw members from every relevant department and keep a list of the members and their roles.",
      es: "Incluya integrantes de todos los departamentos pertinentes y mantenga una lista de los integrantes y sus funciones.",
    },
    applicability: {
      importer: app("should", "verified", SRC.impBooklet),
      "foreign-manufacturer": app("should", "verified", SRC.fmBooklet),
      "highway-carrier": app("should", "verified", SRC.hcBooklet),
      "mexican-long-haul-carrier": app("should", "verified", SRC.lhBooklet),
      "3pl": app("should", "verified", SRC.tplBooklet),
    },
    provenance: prov("verified", SRC.impBooklet, SRC.fmBooklet, SRC.hcBooklet, SRC.lhBooklet, SRC.tplBooklet),
  },
  {
    id: "1.3",
    categoryId: 1,
    requirement: {
      en: "The security program has a written review (audit) component that is updated when operations or risks change.",
      es: "El programa de seguridad tiene un componente de revisión (auditoría) por escrito, que se actualiza cuando cambian las operaciones o los riesgos.",
    },
    guidance: {
      basis: "editorial",
      en: "Plan periodic internal audits against the MSC and log findings and corrective actions.",
      es: "Planifique auditorías internas periódicas frente a los criterios y registre hallazgos y acciones correctivas.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "1.4",
    categoryId: 1,
    requirement: {
      en: "CTPAT points of contact know the program and regularly brief upper management on progress and audit results.",
      es: "Los puntos de contacto de CTPAT conocen el programa e informan con regularidad a la alta dirección sobre avances y resultados de auditorías.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep minutes or reports of the briefings given to management.",
      es: "Conserve minutas o informes de las reuniones informativas con la alta dirección.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
];
