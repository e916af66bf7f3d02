import type { CriterionInput } from "../criteria.schema.ts";
import { app, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/** Category 3 – Business Partners. 3.2 and 3.3 were not found in any source (reference §3A). */
export const CATEGORY_3: CriterionInput[] = [
  {
    id: "3.1",
    categoryId: 3,
    requirement: {
      en: "Use a written, risk-based process to screen new business partners and monitor current ones; checks for money laundering and terrorism financing are recommended.",
      es: "Aplicar un proceso por escrito y basado en riesgos para seleccionar a los nuevos socios comerciales y monitorear a los actuales; se recomienda verificar indicios de lavado de dinero y financiamiento del terrorismo.",
    },
    guidance: {
      basis: "reference",
      en: "Use CBP's CTPAT warning indicators for trade-based money laundering and terrorism financing (Portal library). Consultant examples: high-risk jurisdictions, missing documents, incorrect pricing, inconsistent routing, large cash payments.",
      es: "Use los indicadores de alerta de CTPAT sobre lavado de dinero basado en el comercio y financiamiento del terrorismo (biblioteca del portal). Ejemplos de consultores: jurisdicciones de alto riesgo, documentos faltantes, precios incorrectos, rutas incongruentes, pagos grandes en efectivo.",
    },
    applicability: {
      importer: app("must", "verified", SRC.webinarBp, {
        mixed: true,
        note: "The money-laundering / terrorism-financing check is the Should part.",
      }),
    },
    provenance: prov("verified", SRC.webinarBp, SRC.portalMock, SRC.seeder),
  },
  {
    id: "3.4",
    categoryId: 3,
    requirement: {
      en: "Partner screening considers whether a partner is CTPAT-certified or holds an AEO status recognized under a mutual recognition arrangement; keep proof and check that it stays valid.",
      es: "La selección de socios considera si el socio está certificado en CTPAT o tiene un estatus OEA con reconocimiento mutuo; conservar la evidencia y comprobar que siga vigente.",
    },
    guidance: {
      basis: "reference",
      en: "CTPAT members can check a partner's status in the Portal's Status Verification Interface (SVI). Under the EU–U.S. mutual recognition decision, a partner's AEO certificate makes its compliance easier to document.",
      es: "Los miembros de CTPAT pueden consultar el estatus de un socio en la interfaz SVI del portal. Con la decisión de reconocimiento mutuo UE–EE. UU., el certificado OEA del socio facilita documentar su cumplimiento.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "3.5",
    categoryId: 3,
    requirement: {
      en: "Use due diligence, such as site visits or questionnaires, to confirm that contracted or outsourced partners meet the MSC.",
      es: "Aplicar diligencia debida, como visitas o cuestionarios, para confirmar que los socios contratados o subcontratados cumplen los criterios.",
    },
    guidance: {
      basis: "editorial",
      en: "Start with partners on lanes the risk assessment rates high; keep completed questionnaires and visit reports.",
      es: "Empiece por los socios de las rutas que la evaluación de riesgos califica como altas; conserve los cuestionarios completados y los informes de visita.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "3.6",
    categoryId: 3,
    requirement: {
      en: "Weaknesses found at a partner are fixed promptly, and the fix is confirmed with documentary evidence.",
      es: "Las debilidades detectadas en un socio se corrigen con prontitud y la corrección se confirma con evidencia documental.",
    },
    guidance: {
      basis: "editorial",
      en: "Track each weakness with an owner, a due date and the evidence received.",
      es: "Dé seguimiento a cada debilidad con un responsable, una fecha límite y la evidencia recibida.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "3.7",
    categoryId: 3,
    requirement: {
      en: "Update partner security assessments on a regular schedule, or sooner when risk requires.",
      es: "Actualizar las evaluaciones de seguridad de los socios con regularidad, o antes si el riesgo lo requiere.",
    },
    guidance: {
      basis: "editorial",
      en: "Set a review interval for each partner risk rating and record when each assessment was last updated.",
      es: "Defina un intervalo de revisión para cada calificación de riesgo y registre cuándo se actualizó cada evaluación.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "3.8",
    categoryId: 3,
    requirement: {
      en: "When highway transport is subcontracted, use only CTPAT-certified carriers or carriers bound by a written contract.",
      es: "Cuando se subcontrata el transporte por carretera, usar solo transportistas certificados en CTPAT o sujetos a un contrato por escrito.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep a list of subcontracted carriers with their CTPAT status or contract reference.",
      es: "Mantenga una lista de transportistas subcontratados con su estatus CTPAT o la referencia del contrato.",
    },
    applicability: {
      "highway-carrier": app("must", "uncertain", SRC.seeder, {
        note: "Seeder wording says must but names no entity. Addendum-3 §F: evidently a highway-carrier criterion; addendum §4: probably HC, maybe FM. Not seen on an HC booklet page.",
      }),
    },
    provenance: prov("secondary", SRC.seeder, "2005–06 highway-carrier draft (bulktransporter.com) [addendum §4]"),
  },
  {
    id: "3.9",
    categoryId: 3,
    requirement: {
      en: "Keep a documented social compliance program so that goods are not produced with forced, prison, indentured or child labor.",
      es: "Mantener un programa documentado de cumplimiento social para que los bienes no se produzcan con trabajo forzoso, penitenciario, en servidumbre o infantil.",
    },
    guidance: {
      basis: "reference",
      en: "Add forced labor as a threat in the risk assessment (CBP 2023 alert). Elements cited from CBP guidance: engage stakeholders, assess risks, code of conduct, communicate and train, monitor, remediate, report. The U.S. DOL list of goods produced with child or forced labor helps target reviews.",
      es: "Incluya el trabajo forzoso como amenaza en la evaluación de riesgos (alerta de CBP de 2023). Elementos citados de la guía de CBP: involucrar a las partes interesadas, evaluar riesgos, código de conducta, comunicar y capacitar, monitorear, remediar e informar. La lista del Departamento del Trabajo de EE. UU. ayuda a enfocar las revisiones.",
    },
    applicability: {
      importer: app("must", "verified", `${SRC.ctStrategies}; ${SRC.forcedLabor}`, {
        note: "ID tagged V (ct-strategies); Should when added, Must since 2023 (see effectiveChanges).",
      }),
      exporter: app("must", "uncertain", SRC.forcedLabor, {
        note: "The 2023 forced-labor alert names exporters; that their booklet carries this as ID 3.9 is inferred (reference §3D).",
      }),
      "foreign-manufacturer": app("must", "uncertain", SRC.forcedLabor, {
        note: "The 2023 forced-labor alert names foreign manufacturers; that their booklet carries this as ID 3.9 is inferred (reference §3B/§3D).",
      }),
    },
    effectiveChanges: [
      {
        date: "2021-10-01",
        datePrecision: "month",
        change: "added",
        level: "should",
        entityTypes: ["importer"],
        source: "setlog.com: added as Should in Oct 2021 [reference §3A]",
        certainty: "secondary",
      },
      {
        date: "2023-01-01",
        change: "became-must",
        level: "must",
        entityTypes: ["importer"],
        source: "communicationsdaily 2023-03-22; blog.tradewin.net; setlog.com [reference §3A]",
        certainty: "secondary",
      },
      {
        date: "2023-03-22",
        change: "added",
        level: "must",
        entityTypes: ["exporter", "foreign-manufacturer"],
        source: "communicationsdaily 2023-03-22 (CBP forced-labor alert) [reference §3B/§3D]",
        certainty: "uncertain",
        note: "Date of the trade-press report; the reference gives no earlier date for these entity types.",
      },
    ],
    provenance: prov("verified", SRC.ctStrategies, SRC.forcedLabor, SRC.seeder),
  },
];
