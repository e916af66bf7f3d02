/**
 * Words printed in the exports, in English and Spanish (Mexican CBP/SAT usage: Debe/Debería, evidencia, sello;
 * "tú" where the reader is addressed). Must/Should come from the domain's `levelLabel`.
 */
import type { Certainty, EntityType, MscLang } from "@portcullis/domain";
import type { ProfileStatus } from "../security-profile/security-profile.schema.ts";

const STATUS: Record<MscLang, Record<ProfileStatus, string>> = {
  en: {
    implemented: "Implemented",
    partial: "Partial",
    not_implemented: "Not implemented",
    not_applicable: "Not applicable",
    not_assessed: "Not assessed",
  },
  es: {
    implemented: "Implementado",
    partial: "Parcial",
    not_implemented: "No implementado",
    not_applicable: "No aplica",
    not_assessed: "Sin evaluar",
  },
};

const CERTAINTY: Record<MscLang, Record<Certainty, string>> = {
  en: { verified: "Verified", secondary: "Secondary source", uncertain: "UNCERTAIN" },
  es: { verified: "Verificado", secondary: "Fuente secundaria", uncertain: "INCIERTO" },
};

const ENTITY_TYPE: Record<MscLang, Record<EntityType, string>> = {
  en: {
    importer: "Importer",
    exporter: "Exporter",
    "foreign-manufacturer": "Foreign manufacturer",
    "highway-carrier": "Highway carrier",
    "mexican-long-haul-carrier": "Mexican long-haul carrier",
    "rail-carrier": "Rail carrier",
    "sea-carrier": "Sea carrier",
    "air-carrier": "Air carrier",
    "marine-port-terminal-operator": "Marine port authority / terminal operator",
    consolidator: "Consolidator",
    "customs-broker": "Customs broker",
    "3pl": "Third-party logistics provider (3PL)",
  },
  es: {
    importer: "Importador",
    exporter: "Exportador",
    "foreign-manufacturer": "Fabricante extranjero",
    "highway-carrier": "Transportista terrestre",
    "mexican-long-haul-carrier": "Transportista mexicano de largo recorrido",
    "rail-carrier": "Transportista ferroviario",
    "sea-carrier": "Transportista marítimo",
    "air-carrier": "Transportista aéreo",
    "marine-port-terminal-operator": "Autoridad portuaria / operador de terminal",
    consolidator: "Consolidador",
    "customs-broker": "Agente aduanal",
    "3pl": "Proveedor logístico (3PL)",
  },
};

/** Every other word of the exports. */
const WORDS = {
  en: {
    profileTitle: "CTPAT Security Profile",
    company: "Company",
    account: "CTPAT account number",
    entityTypes: "Entity types",
    generated: "Generated",
    library: "MSC library data version",
    none: "none",
    notSet: "not set",
    summary: "Summary",
    legendTitle: "How sure each fact is (certainty)",
    legend: {
      verified: "Verified: confirmed in CBP's own published criteria.",
      secondary: "Secondary source: taken from a CBP portal view or a developer or consultant text, not the CBP booklet itself.",
      uncertain: "UNCERTAIN: inferred, or the sources disagree. Check it against the CBP booklet before relying on it.",
    },
    criterion: "Criterion",
    level: "Must/Should",
    status: "Status",
    narrative: "Narrative",
    owner: "Owner",
    evidence: "Evidence",
    evidenceTitle: "Title",
    evidenceVersion: "Version",
    evidenceFile: "File",
    certainty: "Certainty",
    levelCertainty: "Level certainty",
    sources: "Sources",
    naJustification: "N/A justification",
    lastReviewed: "Last reviewed",
    focusArea: "Focus area",
    category: "Category",
    requirement: "Requirement",
    guidance: "Guidance",
    guidanceBasis: "Guidance basis",
    effectiveChanges: "Effective changes",
    yearlyReview: "Yearly review",
    yes: "Yes",
    no: "No",
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    uncertainLevel: "uncertain",
    levelUnknown: "level unknown",
    change: { added: "added as", "became-must": "became", "became-should": "became" },
    about: "About",
    profileSheet: "Profile",
    evidenceSheet: "Evidence",
    criteriaSheet: "Criteria",
    edition: "Edition",
    published: "Published",
  },
  es: {
    profileTitle: "Perfil de seguridad CTPAT",
    company: "Empresa",
    account: "Número de cuenta CTPAT",
    entityTypes: "Tipos de entidad",
    generated: "Generado",
    library: "Versión de datos de la biblioteca MSC",
    none: "ninguna",
    notSet: "sin registrar",
    summary: "Resumen",
    legendTitle: "Qué tan seguro es cada dato (certeza)",
    legend: {
      verified: "Verificado: confirmado en los criterios publicados por CBP.",
      secondary:
        "Fuente secundaria: tomado de una vista del portal CTPAT o de un texto de desarrolladores o consultores, no del folleto de CBP.",
      uncertain: "INCIERTO: deducido, o las fuentes no coinciden. Compruébalo con el folleto de CBP antes de apoyarte en él.",
    },
    criterion: "Criterio",
    level: "Debe/Debería",
    status: "Estado",
    narrative: "Narrativa",
    owner: "Responsable",
    evidence: "Evidencia",
    evidenceTitle: "Título",
    evidenceVersion: "Versión",
    evidenceFile: "Archivo",
    certainty: "Certeza",
    levelCertainty: "Certeza del nivel",
    sources: "Fuentes",
    naJustification: "Justificación de no aplica",
    lastReviewed: "Última revisión",
    focusArea: "Área de enfoque",
    category: "Categoría",
    requirement: "Requisito",
    guidance: "Guía de implementación",
    guidanceBasis: "Base de la guía",
    effectiveChanges: "Cambios con fecha de vigencia",
    yearlyReview: "Revisión anual",
    yes: "Sí",
    no: "No",
    page: (n: number, of: number) => `Página ${n} de ${of}`,
    uncertainLevel: "incierto",
    levelUnknown: "nivel desconocido",
    change: { added: "se agregó como", "became-must": "pasó a", "became-should": "pasó a" },
    about: "Acerca de",
    profileSheet: "Perfil",
    evidenceSheet: "Evidencia",
    criteriaSheet: "Criterios",
    edition: "Edición",
    published: "Publicada",
  },
} as const;

export type Words = (typeof WORDS)[MscLang];

/** The export words of one language. */
export function wordsFor(lang: MscLang): Words {
  return WORDS[lang];
}

/** A profile status as printed. */
export function statusLabel(status: ProfileStatus, lang: MscLang): string {
  return STATUS[lang][status];
}

/** A certainty grade as printed; "uncertain" is in capitals so it can never pass for a checked fact. */
export function certaintyLabel(certainty: Certainty, lang: MscLang): string {
  return CERTAINTY[lang][certainty];
}

/** An entity type as printed. */
export function entityTypeLabel(type: EntityType, lang: MscLang): string {
  return ENTITY_TYPE[lang][type];
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A short ASCII slug for file names: "Exportadora Núñez, S.A." → "exportadora-nunez-s-a". */
export function slug(text: string, max = 60): string {
  const s = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
  return s || "company";
}
