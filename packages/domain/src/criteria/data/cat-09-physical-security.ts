import type { CriterionInput } from "../criteria.schema.ts";
import { app, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/** Category 9 – Physical Security. 9.3 was not found; the entity split for 9.x is unknown (addendum §4). */
export const CATEGORY_9: CriterionInput[] = [
  {
    id: "9.1",
    categoryId: 9,
    requirement: {
      en: "Use physical barriers and deterrents to protect offices, yards and cargo handling and storage areas.",
      es: "Usar barreras físicas y elementos disuasivos para proteger oficinas, patios y áreas de manejo y almacenamiento de carga.",
    },
    guidance: {
      basis: "editorial",
      en: "Walk the site with its plan and record each barrier and its condition.",
      es: "Recorra la instalación con su plano y registre cada barrera y su estado.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "9.2",
    categoryId: 9,
    requirement: {
      en: "Fence the perimeter of cargo areas, separate cargo types with interior fencing, inspect fences and repair them promptly.",
      es: "Cercar el perímetro de las áreas de carga, separar tipos de carga con cercas interiores, inspeccionar las cercas y repararlas con prontitud.",
    },
    guidance: {
      basis: "editorial",
      en: "Log fence inspections with date, findings and repair dates.",
      es: "Registre las inspecciones de cercas con fecha, hallazgos y fechas de reparación.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "9.4",
    categoryId: 9,
    requirement: {
      en: "Gates where vehicles or people enter or leave are staffed or monitored; people and vehicles may be searched where the law allows.",
      es: "Las puertas de entrada y salida de vehículos o personas cuentan con personal o vigilancia; las personas y los vehículos pueden ser revisados cuando la ley lo permita.",
    },
    guidance: {
      basis: "editorial",
      en: "Post the search policy at the gate and record searches made.",
      es: "Exhiba la política de revisión en la entrada y registre las revisiones realizadas.",
    },
    applicability: {
      importer: app("must", "secondary", SRC.portalMock, {
        mixed: true,
        note: "Staffed or monitored gates: Must; searches: Should. The mock files both under 9.4; the official split may be 9.3/9.4 (reference: uncertain).",
      }),
    },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "9.5",
    categoryId: 9,
    requirement: {
      en: "Keep private vehicles from parking inside or next to cargo handling and storage areas and conveyances.",
      es: "Impedir que los vehículos particulares se estacionen dentro o junto a las áreas de manejo y almacenamiento de carga y a los medios de transporte.",
    },
    guidance: {
      basis: "editorial",
      en: "Mark employee and visitor parking away from cargo areas.",
      es: "Señale el estacionamiento de empleados y visitantes lejos de las áreas de carga.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "9.6",
    categoryId: 9,
    requirement: {
      en: "Light entrances and exits, cargo handling and storage areas, fence lines and parking areas well enough.",
      es: "Iluminar adecuadamente entradas y salidas, áreas de manejo y almacenamiento de carga, perímetros cercados y estacionamientos.",
    },
    guidance: {
      basis: "editorial",
      en: "Check the lighting at night and log failed lamps and their repair.",
      es: "Revise la iluminación de noche y registre las lámparas fallidas y su reparación.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "9.7",
    categoryId: 9,
    requirement: {
      en: "Use security technology to monitor the premises and sensitive areas.",
      es: "Usar tecnología de seguridad para vigilar las instalaciones y las áreas sensibles.",
    },
    guidance: {
      basis: "editorial",
      en: "List the sensitive areas and the technology that covers each one.",
      es: "Enumere las áreas sensibles y la tecnología que cubre cada una.",
    },
    applicability: { importer: app("should", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
  {
    id: "9.8",
    categoryId: 9,
    requirement: {
      en: "Keep written policies for security technology covering who may access it, testing, documented inspections, corrective action and any outside monitoring; review them every year.",
      es: "Mantener políticas por escrito sobre la tecnología de seguridad que cubran quién tiene acceso, pruebas, inspecciones documentadas, acciones correctivas y monitoreo externo; revisarlas cada año.",
    },
    guidance: {
      basis: "reference",
      en: "If a third party monitors the systems, include the monitoring-station protocols.",
      es: "Si un tercero monitorea los sistemas, incluya los protocolos de la central de monitoreo.",
    },
    applicability: { importer: app("must", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.portalMock, SRC.seeder),
    yearlyReview: true,
    yearlyReviewBasis: { source: SRC.adhaines, certainty: "verified" },
  },
  {
    id: "9.9",
    categoryId: 9,
    requirement: {
      en: "Have licensed or certified specialists design and install security technology.",
      es: "Encargar el diseño y la instalación de la tecnología de seguridad a especialistas con licencia o certificación.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep the installer's license or certificate on file.",
      es: "Archive la licencia o el certificado del instalador.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "9.10",
    categoryId: 9,
    requirement: {
      en: "Physically secure all of the security technology infrastructure.",
      es: "Proteger físicamente toda la infraestructura de tecnología de seguridad.",
    },
    guidance: {
      basis: "editorial",
      en: "Lock recorders, control panels and network equipment and limit who holds the keys.",
      es: "Mantenga bajo llave grabadores, paneles de control y equipo de red, y limite quién tiene las llaves.",
    },
    applicability: { importer: app("must", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
  {
    id: "9.11",
    categoryId: 9,
    requirement: {
      en: "Provide an alternative power source for security technology systems.",
      es: "Contar con una fuente de energía alterna para los sistemas de tecnología de seguridad.",
    },
    guidance: {
      basis: "editorial",
      en: "Test the backup power and record the result.",
      es: "Pruebe la energía de respaldo y registre el resultado.",
    },
    applicability: { importer: app("should", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.portalMock, SRC.seeder),
  },
  {
    id: "9.12",
    categoryId: 9,
    requirement: {
      en: "Use cameras to watch the premises and sensitive areas, and alarms that warn of unauthorized access.",
      es: "Usar cámaras para vigilar las instalaciones y las áreas sensibles, y alarmas que avisen de accesos no autorizados.",
    },
    guidance: {
      basis: "editorial",
      en: "Record which areas have cameras and which have alarms.",
      es: "Registre qué áreas tienen cámaras y cuáles tienen alarmas.",
    },
    applicability: { importer: app("should", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
  {
    id: "9.13",
    categoryId: 9,
    requirement: {
      en: "Aim cameras at key import and export processes and areas; ideally they record around the clock at the best picture quality available.",
      es: "Dirigir las cámaras a los procesos y áreas clave de importación y exportación; idealmente graban las 24 horas con la mejor calidad de imagen disponible.",
    },
    guidance: {
      basis: "editorial",
      en: "Cover loading, sealing and storage of outbound cargo first.",
      es: "Cubra primero la carga, el sellado y el almacenamiento de la mercancía de salida.",
    },
    applicability: {
      importer: app("must", "verified", SRC.adhaines, {
        mixed: true,
        note: "Camera coverage: Must; picture quality and 24/7 recording: Should.",
      }),
    },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
  {
    id: "9.14",
    categoryId: 9,
    requirement: {
      en: "Cameras have an alarm or notice that warns when they stop working or recording.",
      es: "Las cámaras tienen una alarma o aviso que advierte cuando dejan de funcionar o de grabar.",
    },
    guidance: {
      basis: "editorial",
      en: "Route the failure alert to someone on duty.",
      es: "Dirija la alerta de falla a una persona de guardia.",
    },
    applicability: { importer: app("should", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
  {
    id: "9.15",
    categoryId: 9,
    requirement: {
      en: "Review camera footage periodically and at random, write a summary of each review with corrective actions, and keep the summaries for audits.",
      es: "Revisar las grabaciones de forma periódica y aleatoria, redactar un resumen de cada revisión con las acciones correctivas y conservar los resúmenes para auditorías.",
    },
    guidance: {
      basis: "reference",
      en: "No fixed retention period was found; the criterion asks to keep them long enough for audit purposes.",
      es: "No se encontró un plazo fijo de conservación; el criterio pide conservarlos lo suficiente para fines de auditoría.",
    },
    applicability: { importer: app("must", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
  {
    id: "9.16",
    categoryId: 9,
    requirement: {
      en: "Keep recordings of key import and export processes long enough to allow an investigation.",
      es: "Conservar las grabaciones de los procesos clave de importación y exportación el tiempo suficiente para permitir una investigación.",
    },
    guidance: {
      basis: "reference",
      en: "Guidance: at least 14 days after the shipment reaches its first point of distribution.",
      es: "Guía: al menos 14 días después de que el envío llega a su primer punto de distribución.",
    },
    applicability: { importer: app("should", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
];
