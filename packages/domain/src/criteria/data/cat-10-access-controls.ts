import type { CriterionInput } from "../criteria.schema.ts";
import { app, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

/** Category 10 – Physical Access Controls. 10.5 and 10.6 were not found (reference §3A; addendum §4). */
export const CATEGORY_10: CriterionInput[] = [
  {
    id: "10.1",
    categoryId: 10,
    requirement: {
      en: "Keep written rules for issuing, changing and removing badges and access devices; identify people positively, limit sensitive areas by role and withdraw access when someone leaves.",
      es: "Mantener reglas por escrito para emitir, cambiar y retirar gafetes y dispositivos de acceso; identificar plenamente a las personas, limitar las áreas sensibles según la función y retirar el acceso cuando alguien se va.",
    },
    guidance: {
      basis: "reference",
      en: "An employee identification system is generally expected once a site has more than 50 employees.",
      es: "En general se espera un sistema de identificación de empleados cuando la instalación tiene más de 50 empleados.",
    },
    applicability: { importer: app("must", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.portalMock, SRC.seeder),
  },
  {
    id: "10.2",
    categoryId: 10,
    requirement: {
      en: "Visitors show photo identification and are logged; a temporary badge is recommended and, once issued, worn visibly; escorting visitors is recommended.",
      es: "Los visitantes muestran identificación con fotografía y quedan registrados; se recomienda darles un gafete temporal, que se porta a la vista, y acompañarlos.",
    },
    guidance: {
      basis: "editorial",
      en: "Reconcile returned temporary badges against the visitor log each day.",
      es: "Concilie cada día los gafetes temporales devueltos con el registro de visitantes.",
    },
    applicability: {
      importer: app("must", "secondary", SRC.portalMock, {
        mixed: true,
        note: "Photo ID, logging and visibly worn badge: Must; issuing a temporary badge and escorts: Should.",
      }),
    },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "10.3",
    categoryId: 10,
    requirement: {
      en: "Before cargo is released or received, positively identify drivers with government photo ID, or a carrier-issued photo ID where that is not available.",
      es: "Antes de entregar o recibir carga, identificar plenamente a los conductores con identificación oficial con fotografía o, si no la hay, con una identificación con fotografía emitida por el transportista.",
    },
    guidance: {
      basis: "editorial",
      en: "Compare the driver with the name the carrier announced (10.7).",
      es: "Compare al conductor con el nombre que avisó el transportista (10.7).",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "10.4",
    categoryId: 10,
    requirement: {
      en: "Keep a secured cargo pickup log that registers each driver in and out; it should record name, date, arrival and departure times, employer, truck and trailer numbers and the seal number at departure.",
      es: "Llevar una bitácora de recolección de carga, resguardada, que registre la entrada y salida de cada conductor; debería anotar nombre, fecha, horas de llegada y salida, empresa, números de tractocamión y remolque y número de sello a la salida.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep the log where only gate or shipping staff can change it.",
      es: "Guarde la bitácora donde solo el personal de acceso o embarques pueda modificarla.",
    },
    applicability: {
      importer: app("must", "secondary", SRC.portalMock, {
        mixed: true,
        note: "Keeping and securing the log: Must; the listed fields: Should.",
      }),
    },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "10.7",
    categoryId: 10,
    requirement: {
      en: "Schedule pickups and deliveries by appointment; carriers announce the arrival time, driver name and truck number in advance.",
      es: "Programar recolecciones y entregas con cita; los transportistas avisan con anticipación la hora de llegada, el nombre del conductor y el número de camión.",
    },
    guidance: {
      basis: "editorial",
      en: "Treat unannounced arrivals as exceptions that need approval.",
      es: "Trate las llegadas sin aviso como excepciones que requieren autorización.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "10.8",
    categoryId: 10,
    requirement: {
      en: "Screen incoming mail and packages for contraband from time to time.",
      es: "Revisar de vez en cuando el correo y los paquetes que llegan en busca de contrabando.",
    },
    guidance: {
      basis: "editorial",
      en: "Record the dates of screenings and anything found.",
      es: "Registre las fechas de revisión y lo que se encuentre.",
    },
    applicability: { importer: app("should", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
  {
    id: "10.9",
    categoryId: 10,
    requirement: {
      en: "Accept deliveries only in a designated, monitored area.",
      es: "Recibir las entregas solo en un área designada y vigilada.",
    },
    guidance: {
      basis: "editorial",
      en: "Mark the delivery area on the site plan.",
      es: "Señale el área de entregas en el plano de la instalación.",
    },
    applicability: {
      importer: app("should", "uncertain", SRC.portalMock, {
        note: "Portal mock says Should; addendum §4 lists the Must/Should of 10.9 as not yet found in any other source.",
      }),
    },
    provenance: prov("secondary", SRC.portalMock),
  },
  {
    id: "10.10",
    categoryId: 10,
    requirement: {
      en: "Give security guards written instructions, and have management audit that guards follow them.",
      es: "Dar instrucciones por escrito a los guardias de seguridad y que la gerencia audite que las cumplen.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep the audit dates and findings.",
      es: "Conserve las fechas y los hallazgos de las auditorías.",
    },
    applicability: { importer: app("must", "secondary", SRC.portalMock) },
    provenance: prov("secondary", SRC.portalMock, SRC.seeder),
  },
];
