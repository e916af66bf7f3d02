import type { CriterionInput } from "../criteria.schema.ts";
import { app, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/** Category 12 – Education, Training and Awareness. 12.3 was not found (reference §3A). */
export const CATEGORY_12: CriterionInput[] = [
  {
    id: "12.1",
    categoryId: 12,
    requirement: {
      en: "Give security and threat-awareness training by role, at hire and regularly, covering all CTPAT requirements with specialized content for sensitive positions; keep records of it.",
      es: "Impartir capacitación en seguridad y concientización sobre amenazas según la función, al ingreso y con regularidad, que cubra todos los requisitos de CTPAT con contenido especializado para puestos sensibles; conservar los registros.",
    },
    guidance: {
      basis: "reference",
      en: "Training records show the date, the attendees and the topics covered.",
      es: "Los registros de capacitación indican la fecha, los asistentes y los temas tratados.",
    },
    applicability: {
      importer: app("must", "verified", `${SRC.gistnet}; ${SRC.portalMock}`, {
        mixed: true,
        note: "The content of the training records is a Should part.",
      }),
      consolidator: app("must", "verified", SRC.gistnet),
      "customs-broker": app("must", "verified", SRC.gistnet),
    },
    provenance: prov("verified", SRC.gistnet, SRC.portalMock, SRC.seeder),
  },
  {
    id: "12.2",
    categoryId: 12,
    requirement: {
      en: "Give refresher training periodically, after incidents and after procedure changes; train inspectors to find hidden compartments, contraband in natural compartments and pests.",
      es: "Dar capacitación de actualización periódicamente, después de incidentes y de cambios de procedimiento; capacitar a los inspectores para detectar compartimientos ocultos, contrabando en compartimientos naturales y plagas.",
    },
    guidance: {
      basis: "editorial",
      en: "Link each incident's corrective actions to the refresher session that followed.",
      es: "Vincule las acciones correctivas de cada incidente con la sesión de actualización que le siguió.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "12.4",
    categoryId: 12,
    requirement: {
      en: "Check that training met its objectives.",
      es: "Comprobar que la capacitación cumplió sus objetivos.",
    },
    guidance: {
      basis: "editorial",
      en: "Use short tests or observed practice and keep the results.",
      es: "Use evaluaciones breves o práctica observada y conserve los resultados.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "12.5",
    categoryId: 12,
    requirement: {
      en: "Customs brokers are able to explain CTPAT to their importer clients and encourage them to join.",
      es: "Los agentes aduanales pueden explicar CTPAT a sus clientes importadores y animarlos a participar.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep a short CTPAT briefing for client onboarding.",
      es: "Tenga una presentación breve de CTPAT para la incorporación de clientes.",
    },
    applicability: {},
    levelUnknown: [
      {
        entityTypes: ["customs-broker"],
        source: "lacbffa.gistnet.com syllabus 1708 [reference §3A, §3D]",
        certainty: "verified",
        note: "The reference records the ID and its broker scope but no Must/Should.",
      },
    ],
    provenance: prov("verified", "lacbffa.gistnet.com syllabus 1708 [reference §3A, §3D]"),
  },
  {
    id: "12.6",
    categoryId: 12,
    requirement: {
      en: "Provide specialized training every year on warning signs of trade-based money laundering and terrorism financing.",
      es: "Impartir cada año capacitación especializada sobre señales de alerta de lavado de dinero basado en el comercio y financiamiento del terrorismo.",
    },
    guidance: {
      basis: "editorial",
      en: "Base the content on CBP's CTPAT warning-indicators guide (see 3.1).",
      es: "Base el contenido en la guía de indicadores de alerta de CTPAT de CBP (ver 3.1).",
    },
    applicability: {
      importer: app("should", "uncertain", SRC.portalMock, {
        note: "Portal mock says Should; addendum §4 lists the Must/Should of 12.6 as not yet found in any other source.",
      }),
    },
    provenance: prov("secondary", SRC.portalMock),
  },
  {
    id: "12.7",
    categoryId: 12,
    requirement: {
      en: "Train staff on agricultural security: preventing pest contamination, wood packaging rules and spotting infested wood.",
      es: "Capacitar al personal en seguridad agrícola: prevención de la contaminación de plagas, reglas del embalaje de madera y detección de madera infestada.",
    },
    guidance: {
      basis: "editorial",
      en: "Include photos of pests and of legitimate ISPM 15 marks.",
      es: "Incluya fotografías de plagas y de marcas NIMF 15 legítimas.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock),
  },
  {
    id: "12.8",
    categoryId: 12,
    requirement: {
      en: "Train staff on the company's cybersecurity policies, including how to protect passwords and computer access.",
      es: "Capacitar al personal en las políticas de ciberseguridad de la empresa, incluida la protección de contraseñas y del acceso a las computadoras.",
    },
    guidance: {
      basis: "editorial",
      en: "Repeat the session when cybersecurity policies change (4.6).",
      es: "Repita la sesión cuando cambien las políticas de ciberseguridad (4.6).",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "12.9",
    categoryId: 12,
    requirement: {
      en: "Train the people who operate and manage security technology.",
      es: "Capacitar a las personas que operan y administran la tecnología de seguridad.",
    },
    guidance: {
      basis: "editorial",
      en: "Cover footage review (9.15) and failure alerts (9.14).",
      es: "Incluya la revisión de grabaciones (9.15) y las alertas de falla (9.14).",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "12.10",
    categoryId: 12,
    requirement: {
      en: "Train employees in how to report security incidents and suspicious activity.",
      es: "Capacitar a los empleados sobre cómo reportar incidentes de seguridad y actividades sospechosas.",
    },
    guidance: {
      basis: "editorial",
      en: "Point to the reporting procedure (7.23) and the anonymous channel (7.25).",
      es: "Remita al procedimiento de reporte (7.23) y al canal anónimo (7.25).",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: {
      ...prov("secondary", SRC.portalMock, SRC.seeder),
      note: "One seeder labels this text 12.1; the portal mock numbers it 12.10 (addendum §5).",
    },
  },
];
