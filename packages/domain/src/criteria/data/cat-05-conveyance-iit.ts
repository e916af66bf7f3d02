import type { CriterionInput } from "../criteria.schema.ts";
import { app, CORE, each, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/**
 * Category 5 – Conveyance and Instruments of International Traffic (IIT) Security.
 * Entity tags for 5.1–5.4 come from CBP's Spanish webinar deck (addendum S2). Carrier-specific IDs such as
 * 5.9–5.13, 5.17–5.23 and 5.25–5.28 were not found (addendum §4).
 */
export const CATEGORY_5: CriterionInput[] = [
  {
    id: "5.1",
    categoryId: 5,
    requirement: {
      en: "Store conveyances and IIT in a secure area that prevents unauthorized access, tampering or structural changes.",
      es: "Guardar los medios de transporte y los IIT en un área segura que impida el acceso no autorizado, la manipulación o las alteraciones estructurales.",
    },
    guidance: {
      basis: "editorial",
      en: "Cover the storage area with the site's physical security and access controls (categories 9 and 10).",
      es: "Incluya el área de resguardo en la seguridad física y los controles de acceso de la instalación (categorías 9 y 10).",
    },
    applicability: {
      ...each(
        CORE,
        app("must", "uncertain", SRC.webinarIit, {
          note: "Tagged CORE on CBP's Spanish slide but worded DEBERÍAN (should); English texts say must. Kept Must per addenda, not confirmed by a booklet.",
        }),
      ),
      importer: app("must", "uncertain", `${SRC.portalMock}; ${SRC.webinarIit}`, {
        note: "Portal mock and seeder wording say must; CBP's Spanish slide says DEBERÍAN (should). Kept Must per addenda, not confirmed by a booklet.",
      }),
    },
    provenance: prov("secondary", SRC.webinarIit, SRC.portalMock, SRC.seeder),
  },
  {
    id: "5.2",
    categoryId: 5,
    requirement: {
      en: "Have written procedures for both the security inspection and the agricultural inspection of conveyances and IIT.",
      es: "Tener procedimientos por escrito tanto para la inspección de seguridad como para la inspección agrícola de los medios de transporte y los IIT.",
    },
    guidance: {
      basis: "editorial",
      en: "Say who inspects, where, when, with which checklist, and what happens when a unit fails.",
      es: "Indique quién inspecciona, dónde, cuándo, con qué lista de verificación y qué se hace si una unidad no pasa.",
    },
    applicability: {
      ...each(
        [
          "highway-carrier",
          "mexican-long-haul-carrier",
          "air-carrier",
          "rail-carrier",
          "sea-carrier",
          "foreign-manufacturer",
          "exporter",
          "consolidator",
          "3pl",
        ],
        app("must", "verified", SRC.webinarIit),
      ),
      importer: app("must", "uncertain", SRC.portalMock, {
        note: "The portal mock gives 5.2 to importers, but CBP's Spanish slide omits the importer tag; unresolved (addendum §5).",
      }),
    },
    provenance: prov("verified", SRC.webinarIit, SRC.portalMock, SRC.seeder),
  },
  {
    id: "5.3",
    categoryId: 5,
    requirement: {
      en: "Before loading, systematically inspect every conveyance and empty IIT for security and agricultural risks, including at storage yards on entry and exit and at the point of loading.",
      es: "Antes de cargar, inspeccionar de forma sistemática cada medio de transporte y cada IIT vacío en busca de riesgos de seguridad y agrícolas, también al entrar y salir de los patios y en el punto de carga.",
    },
    guidance: {
      basis: "reference",
      en: "Containers and ULDs: 7 points (front wall, left side, right side, floor, ceiling/roof, doors with locking mechanisms, outside/undercarriage), plus the fan housing on reefers. Highway: 7 tractor points and 10 trailer points. Look for changes that could hide contraband and for visible pests.",
      es: "Contenedores y ULD: 7 puntos (pared frontal, lado izquierdo, lado derecho, piso, techo, puertas con mecanismos de cierre, exterior/chasis), más la carcasa del ventilador en refrigerados. Carretera: 7 puntos del tractocamión y 10 del remolque. Busque modificaciones que oculten contrabando y plagas visibles.",
    },
    applicability: {
      ...each(
        [
          "foreign-manufacturer",
          "highway-carrier",
          "mexican-long-haul-carrier",
          "air-carrier",
          "rail-carrier",
          "3pl",
          "importer",
          "exporter",
          "consolidator",
        ],
        app("must", "verified", SRC.webinarIit),
      ),
      "highway-carrier": app("must", "verified", `${SRC.webinarIit}; ${SRC.intekel}`),
    },
    provenance: prov("verified", SRC.webinarIit, SRC.intekel, SRC.portalMock),
  },
  {
    id: "5.4",
    categoryId: 5,
    requirement: {
      en: "Fit conveyances and IIT with tamper-resistant external hardware, and inspect the whole locking mechanism before sealing.",
      es: "Equipar los medios de transporte y los IIT con herrajes externos resistentes a la manipulación e inspeccionar todo el mecanismo de cierre antes de sellar.",
    },
    guidance: {
      basis: "editorial",
      en: "Include handles, rods, hasps, rivets and brackets in the inspection checklist.",
      es: "Incluya manijas, varillas, cerrojos, remaches y soportes en la lista de verificación.",
    },
    applicability: each(
      ["highway-carrier", "mexican-long-haul-carrier", "air-carrier", "rail-carrier", "3pl", "importer", "exporter", "consolidator"],
      app("must", "verified", SRC.webinarIit),
    ),
    provenance: {
      ...prov("verified", SRC.webinarIit, SRC.portalMock),
      note: "CBP's slide does not tag foreign manufacturers; do not assume 5.4 applies to them.",
    },
  },
  {
    id: "5.5",
    categoryId: 5,
    requirement: {
      en: "Record inspections on a checklist (IIT number, date, time, inspector, areas checked), signed by a supervisor, that travels with the shipping documents.",
      es: "Registrar las inspecciones en una lista de verificación (número del IIT, fecha, hora, inspector, áreas revisadas), firmada por un supervisor, que acompaña a los documentos de embarque.",
    },
    guidance: {
      basis: "reference",
      en: "The checklist goes in the shipping-document packet sent to the consignee before the goods arrive.",
      es: "La lista de verificación va en el paquete de documentos enviado al consignatario antes de que llegue la mercancía.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "5.6",
    categoryId: 5,
    requirement: {
      en: "Carry out inspections in an access-controlled area, watched by cameras where available.",
      es: "Realizar las inspecciones en un área de acceso controlado, vigilada por cámaras cuando las haya.",
    },
    guidance: {
      basis: "editorial",
      en: "Mark the inspection area on the site plan and check that cameras cover it.",
      es: "Señale el área de inspección en el plano de la instalación y verifique que las cámaras la cubran.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "5.7",
    categoryId: 5,
    requirement: {
      en: "Remove visible pests found during inspections by washing or vacuuming, and keep the records for one year.",
      es: "Eliminar las plagas visibles halladas en las inspecciones mediante lavado o aspirado y conservar los registros durante un año.",
    },
    guidance: {
      basis: "editorial",
      en: "Record what was found, how it was removed and who removed it.",
      es: "Registre qué se encontró, cómo se eliminó y quién lo hizo.",
    },
    applicability: {},
    provenance: prov("secondary", SRC.seeder),
    note: "Wording (must) only from developer seeders; the entity types are not named in any source (addendum §4).",
  },
  {
    id: "5.8",
    categoryId: 5,
    requirement: {
      en: "Management makes random, unannounced searches of conveyances after staff inspections: in the yard, after loading or en route.",
      es: "La gerencia hace revisiones aleatorias y sin previo aviso de los medios de transporte después de las inspecciones del personal: en el patio, tras la carga o en ruta.",
    },
    guidance: {
      basis: "editorial",
      en: "Log each search with date, place, unit and result.",
      es: "Registre cada revisión con fecha, lugar, unidad y resultado.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "5.14",
    categoryId: 5,
    requirement: {
      en: "Work with transport providers to track conveyances from origin to destination, and put tracking terms in the contracts.",
      es: "Colaborar con los proveedores de transporte para rastrear los medios de transporte del origen al destino e incluir las condiciones de rastreo en los contratos.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep the contract clauses and samples of the tracking reports received.",
      es: "Conserve las cláusulas del contrato y muestras de los reportes de rastreo recibidos.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "5.15",
    categoryId: 5,
    requirement: {
      en: "Shippers have access to the carrier's GPS fleet-monitoring system.",
      es: "Los embarcadores tienen acceso al sistema de monitoreo GPS de la flota del transportista.",
    },
    guidance: {
      basis: "editorial",
      en: "Record which shippers have access and how it is granted.",
      es: "Registre qué embarcadores tienen acceso y cómo se otorga.",
    },
    applicability: {
      "highway-carrier": app("should", "uncertain", SRC.seeder, {
        note: "Seeder wording says should and names no entity; addendum-3 §B/§F treat it as highway-carrier specific. Not seen on a booklet page.",
      }),
    },
    provenance: prov("secondary", SRC.seeder),
  },
  {
    id: "5.16",
    categoryId: 5,
    requirement: {
      en: "Apply a no-stop policy to land shipments close to the U.S. border.",
      es: "Aplicar una política de no detenerse a los envíos terrestres cerca de la frontera con EE. UU.",
    },
    guidance: {
      basis: "editorial",
      en: "Put the policy in carrier instructions and check tracking data for unexplained stops.",
      es: "Incluya la política en las instrucciones al transportista y revise el rastreo en busca de paradas sin explicación.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "5.24",
    categoryId: 5,
    requirement: {
      en: "In high-risk areas, make a last-chance check of the conveyance, seals included, just before crossing the border.",
      es: "En zonas de alto riesgo, hacer una última verificación del medio de transporte, incluidos los sellos, justo antes de cruzar la frontera.",
    },
    guidance: {
      basis: "editorial",
      en: "Record where and by whom the last check was made.",
      es: "Registre dónde y quién hizo la última verificación.",
    },
    applicability: {
      "highway-carrier": app("should", "uncertain", SRC.seeder, {
        note: "Seeder wording says should and names no entity; addendum-3 §B/§F treat it as highway-carrier specific. A second seeder row under 5.24 may be mislabelled.",
      }),
    },
    provenance: prov("secondary", SRC.seeder),
  },
  {
    id: "5.29",
    categoryId: 5,
    requirement: {
      en: "Promptly alert affected business partners and law enforcement when a credible or detected threat to a shipment arises.",
      es: "Avisar con prontitud a los socios comerciales afectados y a las autoridades cuando surja una amenaza creíble o detectada contra un envío.",
    },
    guidance: {
      basis: "editorial",
      en: "Use the contact list kept for incident reporting (7.23).",
      es: "Use la lista de contactos del procedimiento de reporte de incidentes (7.23).",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
];
