import type { CriterionInput } from "../criteria.schema.ts";
import { app, CORE, each, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/** Category 7 – Procedural Security, part 1 (7.1–7.8). Entity tags from CBP's Spanish webinar deck (addendum S3). */
export const CATEGORY_7A: CriterionInput[] = [
  {
    id: "7.1",
    categoryId: 7,
    requirement: {
      en: "Protect cargo that is staged overnight or for long periods from unauthorized access.",
      es: "Proteger contra el acceso no autorizado la carga que queda en espera durante la noche o por periodos prolongados.",
    },
    guidance: {
      basis: "editorial",
      en: "Stage such cargo in a locked or watched area and record who had access.",
      es: "Coloque esa carga en un área cerrada o vigilada y registre quién tuvo acceso.",
    },
    applicability: each(
      ["importer", "exporter", "foreign-manufacturer", "sea-carrier", "consolidator", "3pl"],
      app("must", "verified", SRC.webinarProc),
    ),
    provenance: prov("verified", SRC.webinarProc, SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.2",
    categoryId: 7,
    requirement: {
      en: "Inspect cargo staging areas and their surroundings regularly so they stay free of visible pest contamination.",
      es: "Inspeccionar con regularidad las áreas de preparación de la carga y sus alrededores para mantenerlas libres de contaminación visible de plagas.",
    },
    guidance: {
      basis: "reference",
      en: "Pest contamination means visible animals, insects or other invertebrates (alive or dead, any life stage), animal-origin organic material, plants or plant products, fungi, soil or water that are not the manifested cargo.",
      es: "Contaminación de plagas: animales, insectos u otros invertebrados visibles (vivos o muertos, en cualquier etapa), material orgánico de origen animal, plantas o productos vegetales, hongos, tierra o agua que no son la carga manifestada.",
    },
    applicability: each(
      [
        "importer",
        "exporter",
        "foreign-manufacturer",
        "rail-carrier",
        "3pl",
        "highway-carrier",
        "mexican-long-haul-carrier",
        "marine-port-terminal-operator",
        "consolidator",
      ],
      app("must", "verified", SRC.webinarProc),
    ),
    provenance: prov("verified", SRC.webinarProc, SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.3",
    categoryId: 7,
    requirement: {
      en: "For cargo flown on passenger aircraft, apply a written, risk-based screening process (for example X-ray) before loading.",
      es: "Para la carga que viaja en aviones de pasajeros, aplicar un proceso de revisión por escrito y basado en riesgos (por ejemplo, rayos X) antes de cargar.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep screening records per shipment.",
      es: "Conserve los registros de revisión de cada envío.",
    },
    applicability: { "air-carrier": app("must", "verified", SRC.webinarProc) },
    provenance: prov("verified", SRC.webinarProc),
  },
  {
    id: "7.4",
    categoryId: 7,
    requirement: {
      en: "A security officer, a manager or a designated person supervises the loading and stuffing of cargo.",
      es: "Un oficial de seguridad, un gerente o una persona designada supervisa la carga y el llenado.",
    },
    guidance: {
      basis: "editorial",
      en: "Record the supervisor's name on the loading or inspection record.",
      es: "Anote el nombre de quien supervisa en el registro de carga o de inspección.",
    },
    applicability: each(
      ["importer", "exporter", "foreign-manufacturer", "consolidator", "3pl"],
      app("should", "uncertain", `${SRC.webinarProc}; ${SRC.portalMock}`, {
        note: "Applicability from CBP's Spanish slide (V), which says DEBE (must); portal mock and English seeder texts say should. Kept Should per addenda, not confirmed by a booklet.",
      }),
    ),
    provenance: prov("secondary", SRC.webinarProc, SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.5",
    categoryId: 7,
    requirement: {
      en: "Take digital photos of the installed seal at the point of stuffing and send them electronically to the destination.",
      es: "Tomar fotografías digitales del sello instalado en el punto de llenado y enviarlas por medios electrónicos al destino.",
    },
    guidance: {
      basis: "editorial",
      en: "Make the seal number readable in the photo and attach the photos to the shipment record.",
      es: "Procure que el número de sello se lea en la foto y adjunte las fotos al registro del envío.",
    },
    applicability: each(
      ["exporter", "foreign-manufacturer", "importer", "consolidator", "3pl"],
      app("should", "verified", SRC.webinarProc),
    ),
    provenance: prov("verified", SRC.webinarProc, SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.6",
    categoryId: 7,
    requirement: {
      en: "Information used to clear cargo is legible, complete and accurate, protected against change or loss, and reported on time.",
      es: "La información usada para despachar la carga es legible, completa y exacta, está protegida contra cambios o pérdida y se reporta a tiempo.",
    },
    guidance: {
      basis: "editorial",
      en: "Limit who can edit shipment data and keep a change history.",
      es: "Limite quién puede modificar los datos del envío y conserve un historial de cambios.",
    },
    applicability: each(
      ["consolidator", "customs-broker", "exporter", "foreign-manufacturer", "highway-carrier", "importer", "3pl"],
      app("must", "verified", SRC.webinarProc),
    ),
    provenance: prov("verified", SRC.webinarProc, SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.7",
    categoryId: 7,
    requirement: {
      en: "Protect paper import and export forms against unauthorized use.",
      es: "Proteger los formularios impresos de importación y exportación contra el uso no autorizado.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep blank forms locked away and log who takes them.",
      es: "Guarde bajo llave los formularios en blanco y registre quién los retira.",
    },
    applicability: {
      ...each(
        CORE,
        app("should", "uncertain", SRC.webinarProc, {
          note: "CBP's Spanish slide tags 7.7 CORE (applies to all, V), but its text is cut off; Should is known only for importers.",
        }),
      ),
      importer: app("should", "secondary", `${SRC.portalMock}; ${SRC.webinarProc}`),
    },
    provenance: prov("secondary", SRC.webinarProc, SRC.portalMock, SRC.seeder),
  },
  {
    id: "7.8",
    categoryId: 7,
    requirement: {
      en: "Bills of lading and manifests show accurate weight and piece counts, are filed on time, and name the first foreign location.",
      es: "Los conocimientos de embarque y manifiestos muestran peso y número de piezas exactos, se presentan a tiempo e indican el primer lugar en el extranjero.",
    },
    guidance: {
      basis: "editorial",
      en: "Compare declared weights and counts with the loading records before filing.",
      es: "Compare pesos y conteos declarados con los registros de carga antes de presentarlos.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
];
