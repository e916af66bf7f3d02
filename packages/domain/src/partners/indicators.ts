import { z } from "zod";
import type { Certainty } from "../criteria/criteria.schema.ts";

/** What a due-diligence record on a business partner covers (MSC 3.1, 3.4–3.7, 3.9; 12.6 for TBML/TF). */
export const SCREENING_KINDS = [
  "due-diligence",
  "tbml",
  "terrorism-financing",
  "forced-labor",
  "site-visit",
  "sanctions",
  "other",
] as const;
export const ScreeningKindSchema = z.enum(SCREENING_KINDS);
export type ScreeningKind = z.infer<typeof ScreeningKindSchema>;

/** The outcome of one due-diligence record. */
export const SCREENING_RESULTS = ["pass", "concern", "fail"] as const;
export const ScreeningResultSchema = z.enum(SCREENING_RESULTS);
export type ScreeningResult = z.infer<typeof ScreeningResultSchema>;

/** Which checklist an indicator belongs to. */
export type IndicatorList = "tbml-tf" | "forced-labor";

/**
 * One warning sign a reviewer can tick on a screening record. Codes are stable (stored in the database);
 * labels are ours, written for this product. `certainty` grades how the sign is known: CBP's own
 * TBML/TF indicator guide was not retrieved, so signs come from consultants' lists and general AML practice.
 */
export interface WarningIndicator {
  code: string;
  list: IndicatorList;
  group: string;
  label: { en: string; es: string };
  certainty: Certainty;
  source: string;
}

const CONSULTANTS = "reference §9: ML/TF warning signs named by consultants (ct-strategies.com 2022)";
const AML_PRACTICE = "general trade-based money laundering practice (FATF-style red flags); not from CBP's guide";
const TC_ELEMENTS = "reference §1: the six forced-labor elements of CTPAT Trade Compliance; MSC 3.9 social compliance";
const ILO = "ILO indicators of forced labour (general knowledge)";

const tbml = (
  code: string,
  group: string,
  en: string,
  es: string,
  certainty: Certainty = "secondary",
  source: string = AML_PRACTICE,
): WarningIndicator => ({ code: `tbml.${code}`, list: "tbml-tf", group, label: { en, es }, certainty, source });

const fl = (code: string, group: string, en: string, es: string, source: string = ILO): WarningIndicator => ({
  code: `fl.${code}`,
  list: "forced-labor",
  group,
  label: { en, es },
  certainty: "secondary",
  source,
});

/** Trade-based money laundering and terrorism financing warning signs (MSC 3 screening, 12.6 training). */
export const TBML_TF_INDICATORS: readonly WarningIndicator[] = [
  tbml(
    "high-risk-jurisdiction",
    "jurisdiction",
    "The partner, its bank or the route involves a high-risk jurisdiction (FATF lists)",
    "El socio, su banco o la ruta involucra una jurisdicción de alto riesgo (listas del GAFI)",
    "secondary",
    CONSULTANTS,
  ),
  tbml(
    "price-mismatch",
    "pricing-and-documents",
    "Invoiced prices far above or below market value",
    "Precios facturados muy por encima o por debajo del valor de mercado",
    "secondary",
    CONSULTANTS,
  ),
  tbml(
    "quantity-mismatch",
    "pricing-and-documents",
    "Quantity, weight or description on the invoice does not match the shipping documents or the goods",
    "La cantidad, el peso o la descripción de la factura no coincide con los documentos de embarque o la mercancía",
  ),
  tbml(
    "false-documents",
    "pricing-and-documents",
    "Documents that look altered, false or contradict each other",
    "Documentos que parecen alterados, falsos o que se contradicen entre sí",
    "secondary",
    CONSULTANTS,
  ),
  tbml(
    "missing-documents",
    "pricing-and-documents",
    "Missing or incomplete trade documentation",
    "Documentación comercial faltante o incompleta",
    "secondary",
    CONSULTANTS,
  ),
  tbml(
    "repeat-invoicing",
    "pricing-and-documents",
    "The same shipment is invoiced more than once",
    "El mismo embarque se factura más de una vez",
  ),
  tbml(
    "illogical-route",
    "shipping",
    "Routing or transshipment that makes no commercial sense",
    "Ruta o transbordos sin lógica comercial",
    "secondary",
    CONSULTANTS,
  ),
  tbml(
    "free-trade-zone",
    "shipping",
    "Goods pass through free trade zones without a clear reason",
    "La mercancía pasa por zonas francas sin una razón clara",
  ),
  tbml("cash-payments", "payments", "Large or split cash payments", "Pagos grandes o fraccionados en efectivo", "secondary", CONSULTANTS),
  tbml(
    "third-party-payments",
    "payments",
    "Payments from or to third parties unrelated to the trade, or to accounts in another country",
    "Pagos de o a terceros ajenos a la operación, o a cuentas en otro país",
  ),
  tbml(
    "complex-letters-of-credit",
    "payments",
    "Unusually complex letters of credit or frequent amendments to them",
    "Cartas de crédito inusualmente complejas o con modificaciones frecuentes",
    "secondary",
    CONSULTANTS,
  ),
  tbml(
    "uncharacteristic-goods",
    "partner-profile",
    "Goods outside the partner's usual line of business",
    "Mercancía ajena al giro habitual del socio",
    "secondary",
    CONSULTANTS,
  ),
  tbml(
    "front-company",
    "partner-profile",
    "Signs of a shell or front company: no real premises, very recent, ownership unclear",
    "Señales de empresa fachada: sin instalaciones reales, de reciente creación o con dueños poco claros",
  ),
  tbml(
    "withholds-information",
    "partner-profile",
    "The partner refuses or delays information about its owners or operations",
    "El socio se niega a dar, o retrasa, información sobre sus dueños u operaciones",
  ),
  tbml(
    "identifier-misuse",
    "partner-profile",
    "Business identifiers (importer of record number, SCAC, etc.) used by someone else",
    "Identificadores comerciales (número de importador, SCAC, etc.) usados por otra persona",
    "secondary",
    "reference §9: misuse of business identifiers is a reportable event",
  ),
  tbml(
    "sensitive-end-use",
    "terrorism-financing",
    "Dual-use or sensitive goods going to an unclear end user",
    "Bienes de uso dual o sensibles con un usuario final poco claro",
  ),
  tbml(
    "opaque-nonprofit",
    "terrorism-financing",
    "Payments routed through charities or non-profits with no clear purpose",
    "Pagos canalizados por asociaciones u organizaciones sin fines de lucro sin propósito claro",
  ),
];

/** The forced-labor check list (MSC 3.9 social compliance): program gaps, then signs seen at the partner. */
export const FORCED_LABOR_CHECKS: readonly WarningIndicator[] = [
  fl(
    "no-code-of-conduct",
    "program",
    "No code of conduct forbidding forced, prison, indentured or child labor",
    "Sin código de conducta que prohíba el trabajo forzoso, penitenciario, en servidumbre o infantil",
    TC_ELEMENTS,
  ),
  fl(
    "no-risk-mapping",
    "program",
    "Its own supply chain is not mapped for forced-labor risk",
    "Su propia cadena de suministro no está mapeada para el riesgo de trabajo forzoso",
    TC_ELEMENTS,
  ),
  fl(
    "no-supplier-due-diligence",
    "program",
    "No due diligence on, or training of, its own suppliers",
    "Sin diligencia debida ni capacitación de sus propios proveedores",
    TC_ELEMENTS,
  ),
  fl(
    "no-remediation-plan",
    "program",
    "No plan to remediate when forced labor is found",
    "Sin plan de remediación cuando se detecta trabajo forzoso",
    TC_ELEMENTS,
  ),
  fl(
    "no-monitoring",
    "program",
    "Working conditions are not audited or monitored",
    "Las condiciones de trabajo no se auditan ni se monitorean",
    TC_ELEMENTS,
  ),
  fl(
    "listed-goods",
    "sourcing",
    "Goods or inputs from a country and product on the U.S. Labor Department's TVPRA list",
    "Bienes o insumos de un país y producto de la lista TVPRA del Departamento del Trabajo de EE. UU.",
    "reference §10: DOL ILAB List of Goods Produced by Child Labor or Forced Labor",
  ),
  fl(
    "withhold-release-order",
    "sourcing",
    "The partner or one of its inputs is subject to a CBP Withhold Release Order or on the UFLPA Entity List",
    "El socio o alguno de sus insumos está sujeto a una Orden de Retención de Liberación (WRO) de CBP o en la lista de entidades de la UFLPA",
    "CBP forced-labor enforcement (general knowledge)",
  ),
  fl("abuse-of-vulnerability", "worker-signs", "Workers' vulnerability is exploited", "Se abusa de la vulnerabilidad de los trabajadores"),
  fl(
    "deception",
    "worker-signs",
    "Workers were deceived about the job or its terms",
    "Se engañó a los trabajadores sobre el trabajo o sus condiciones",
  ),
  fl(
    "restricted-movement",
    "worker-signs",
    "Workers cannot leave the workplace or housing freely",
    "Los trabajadores no pueden salir libremente del lugar de trabajo o del alojamiento",
  ),
  fl("isolation", "worker-signs", "Workers are kept isolated", "Se mantiene aislados a los trabajadores"),
  fl("violence", "worker-signs", "Physical or sexual violence", "Violencia física o sexual"),
  fl("threats", "worker-signs", "Intimidation or threats against workers", "Intimidación o amenazas a los trabajadores"),
  fl(
    "retained-documents",
    "worker-signs",
    "The employer keeps workers' identity documents",
    "El empleador retiene los documentos de identidad de los trabajadores",
  ),
  fl("withheld-wages", "worker-signs", "Wages are withheld or delayed", "Se retienen o retrasan los salarios"),
  fl(
    "debt-bondage",
    "worker-signs",
    "Workers are bound by a debt to the employer or a recruiter",
    "Los trabajadores están atados por una deuda con el empleador o un reclutador",
  ),
  fl(
    "recruitment-fees",
    "worker-signs",
    "Workers paid fees to be recruited",
    "Los trabajadores pagaron cuotas para ser reclutados",
    "responsible-recruitment practice (general knowledge)",
  ),
  fl("abusive-conditions", "worker-signs", "Degrading working or living conditions", "Condiciones de trabajo o de vivienda degradantes"),
  fl("excessive-overtime", "worker-signs", "Excessive or forced overtime", "Horas extra excesivas u obligatorias"),
  fl(
    "child-labor",
    "worker-signs",
    "Workers below the legal minimum working age",
    "Trabajadores por debajo de la edad mínima legal para trabajar",
    TC_ELEMENTS,
  ),
  fl("prison-labor", "worker-signs", "Prison labor in production", "Trabajo penitenciario en la producción", TC_ELEMENTS),
];

/** Every indicator of both lists, TBML/TF first. */
export const WARNING_INDICATORS: readonly WarningIndicator[] = [...TBML_TF_INDICATORS, ...FORCED_LABOR_CHECKS];

/** Every indicator code, for validating what a screening record stores. */
export const WARNING_INDICATOR_CODES = WARNING_INDICATORS.map((i) => i.code) as [string, ...string[]];

/** Schema of one indicator code (any list). */
export const WarningIndicatorCodeSchema = z.enum(WARNING_INDICATOR_CODES);

/** The indicator with this code, if any. */
export function getWarningIndicator(code: string): WarningIndicator | undefined {
  return WARNING_INDICATORS.find((i) => i.code === code);
}
