import type { CriterionInput } from "../criteria.schema.ts";
import { app, CORE, each, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/** Category 7 – Procedural Security, part 2 (7.10–7.37). 7.9, 7.11–7.22, 7.26 and 7.31–7.36 were not found (addendum §4). */
export const CATEGORY_7B: CriterionInput[] = [
  {
    id: "7.10",
    categoryId: 7,
    requirement: {
      en: "Review import and export documents to spot suspicious shipments, and train the staff who handle them.",
      es: "Revisar los documentos de importación y exportación para detectar envíos sospechosos y capacitar al personal que los maneja.",
    },
    guidance: {
      basis: "editorial",
      en: "Give reviewers a short list of warning signs and a way to escalate.",
      es: "Dé a los revisores una lista breve de señales de alerta y una vía para escalar.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock),
  },
  {
    id: "7.23",
    categoryId: 7,
    requirement: {
      en: "Keep a written procedure for reporting and escalating security incidents to the SCSS, the nearest port of entry, law enforcement and affected partners, with a current contact list.",
      es: "Mantener un procedimiento por escrito para reportar y escalar incidentes de seguridad al SCSS, al puerto de entrada más cercano, a las autoridades y a los socios afectados, con una lista de contactos actualizada.",
    },
    guidance: {
      basis: "reference",
      en: "Notify CBP as soon as feasible and before the conveyance or IIT crosses the border. CBP tip line: 1-800-BE-ALERT. Examples: tampering, hidden compartments, altered or wrong seals, suspicious documents, cargo discrepancies, smuggling, suspected forced labor, misuse of business identifiers.",
      es: "Avise a CBP en cuanto sea factible y antes de que el medio de transporte o el IIT cruce la frontera. Línea de CBP: 1-800-BE-ALERT. Ejemplos: manipulación, compartimientos ocultos, sellos alterados o equivocados, documentos sospechosos, discrepancias en la carga, contrabando, sospecha de trabajo forzoso, uso indebido de identificadores comerciales.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.24",
    categoryId: 7,
    requirement: {
      en: "Have procedures to identify, challenge and remove unauthorized or unidentified persons.",
      es: "Tener procedimientos para identificar, cuestionar y retirar a personas no autorizadas o no identificadas.",
    },
    guidance: {
      basis: "editorial",
      en: "Cover this in training (12.x) so every employee knows whom to call.",
      es: "Inclúyalo en la capacitación (12.x) para que todo empleado sepa a quién llamar.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.25",
    categoryId: 7,
    requirement: {
      en: "Provide an anonymous way to report security concerns, investigate what is reported and take corrective action.",
      es: "Ofrecer un medio anónimo para reportar problemas de seguridad, investigar lo reportado y tomar acciones correctivas.",
    },
    guidance: {
      basis: "editorial",
      en: "Publicize the channel and keep a log of reports and outcomes.",
      es: "Dé a conocer el canal y lleve un registro de los reportes y sus resultados.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.27",
    categoryId: 7,
    requirement: {
      en: "Investigate and resolve shortages, overages and other significant cargo discrepancies or anomalies.",
      es: "Investigar y resolver faltantes, sobrantes y otras discrepancias o anomalías importantes en la carga.",
    },
    guidance: {
      basis: "editorial",
      en: "Record each discrepancy, its cause and the resolution.",
      es: "Registre cada discrepancia, su causa y la solución.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.28",
    categoryId: 7,
    requirement: {
      en: "Reconcile arriving cargo with the manifest and check departing cargo against the orders.",
      es: "Conciliar la carga que llega con el manifiesto y verificar la carga que sale contra los pedidos.",
    },
    guidance: {
      basis: "editorial",
      en: "Send mismatches to the discrepancy process (7.27).",
      es: "Envíe las diferencias al proceso de discrepancias (7.27).",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.29",
    categoryId: 7,
    requirement: {
      en: "Send the assigned seal numbers to the consignee before the shipment leaves.",
      es: "Enviar al consignatario los números de sello asignados antes de que salga el envío.",
    },
    guidance: {
      basis: "editorial",
      en: "Send them through a channel separate from the driver's paperwork.",
      es: "Envíelos por un canal distinto de los documentos que lleva el conductor.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.30",
    categoryId: 7,
    requirement: {
      en: "Print seal numbers electronically on the bill of lading or other shipping documents.",
      es: "Imprimir electrónicamente los números de sello en el conocimiento de embarque u otros documentos de embarque.",
    },
    guidance: {
      basis: "editorial",
      en: "Avoid handwritten seal numbers where possible.",
      es: "Evite en lo posible los números de sello escritos a mano.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: {
      ...prov("secondary", SRC.portalMock, SRC.seeder),
      note: "One seeder labels the internal-investigation criterion 7.30; CBP numbers that one 7.37 (addendum §5).",
    },
  },
  {
    id: "7.37",
    categoryId: 7,
    requirement: {
      en: "As soon as a security incident becomes known, start and document the company's own internal investigation.",
      es: "En cuanto se conozca un incidente de seguridad, iniciar y documentar una investigación interna propia.",
    },
    guidance: {
      basis: "editorial",
      en: "Open an investigation record at once and link it to the incident report (7.23).",
      es: "Abra de inmediato un expediente de investigación y vincúlelo al reporte del incidente (7.23).",
    },
    applicability: each(CORE, app("must", "verified", SRC.csms)),
    provenance: {
      ...prov("verified", SRC.csms, SRC.portalMock),
      note: "Added for all entity types between the May 2019 draft and the final version.",
    },
  },
];
