import type { CriterionInput } from "../criteria.schema.ts";
import { app, prov } from "./helpers.ts";
import { SRC } from "./sources.ts";

const KEEP_EVIDENCE_EN = "Keep dated records (logs, reports, tickets) that show the control is in place.";
const KEEP_EVIDENCE_ES = "Conserve registros fechados (bitácoras, informes, tickets) que demuestren que el control está implementado.";

/** Category 4 – Cybersecurity (new in the 2019 MSC). Every row is tagged V for importers (reference §3A; addendum §1). */
export const CATEGORY_4: CriterionInput[] = [
  {
    id: "4.1",
    categoryId: 4,
    requirement: {
      en: "Keep comprehensive written cybersecurity policies and procedures that cover every cybersecurity criterion.",
      es: "Mantener políticas y procedimientos de ciberseguridad por escrito, completos, que abarquen todos los criterios de ciberseguridad.",
    },
    guidance: {
      basis: "reference",
      en: "The NIST Cybersecurity Framework is suggested as a basis.",
      es: "Se sugiere tomar como base el Marco de Ciberseguridad del NIST.",
    },
    applicability: { importer: app("must", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
  {
    id: "4.2",
    categoryId: 4,
    requirement: {
      en: "Protect IT systems with up-to-date anti-malware and firewall or intrusion protection, defend against social engineering, and have recovery procedures.",
      es: "Proteger los sistemas informáticos con antimalware y cortafuegos o protección contra intrusiones actualizados, defenderse de la ingeniería social y tener procedimientos de recuperación.",
    },
    guidance: { basis: "editorial", en: KEEP_EVIDENCE_EN, es: KEEP_EVIDENCE_ES },
    applicability: { importer: app("must", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
  {
    id: "4.3",
    categoryId: 4,
    requirement: {
      en: "Test the security of the network and IT infrastructure regularly and fix vulnerabilities as soon as feasible.",
      es: "Probar con regularidad la seguridad de la red y de la infraestructura informática y corregir las vulnerabilidades en cuanto sea factible.",
    },
    guidance: {
      basis: "editorial",
      en: "Record each test: date, scope, findings and when each finding was fixed.",
      es: "Registre cada prueba: fecha, alcance, hallazgos y cuándo se corrigió cada hallazgo.",
    },
    applicability: { importer: app("must", "verified", `${SRC.gtc}; ${SRC.adhaines}`) },
    provenance: prov("verified", SRC.gtc, SRC.adhaines, SRC.portalMock),
  },
  {
    id: "4.4",
    categoryId: 4,
    requirement: {
      en: "Have a policy for sharing information about cybersecurity threats with government and other business partners.",
      es: "Tener una política para compartir información sobre amenazas de ciberseguridad con el gobierno y otros socios comerciales.",
    },
    guidance: {
      basis: "editorial",
      en: "Name who may share threat information, with whom, and how shared items are recorded.",
      es: "Indique quién puede compartir información sobre amenazas, con quién y cómo se registra lo compartido.",
    },
    applicability: { importer: app("should", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
  {
    id: "4.5",
    categoryId: 4,
    requirement: {
      en: "Use a system that detects unauthorized access, misuse of IT policies and tampering with data, and discipline violators.",
      es: "Contar con un sistema que detecte accesos no autorizados, abusos de las políticas informáticas y alteración de datos, y sancionar a los infractores.",
    },
    guidance: { basis: "editorial", en: KEEP_EVIDENCE_EN, es: KEEP_EVIDENCE_ES },
    applicability: {
      importer: app("must", "verified", `${SRC.gtc}; ${SRC.adhaines}`, {
        note: "A Spanish consultant translation words 4.5 as a suggestion (addendum-2 T5); the reference, adhainestech and seeder wording say must. Kept Must (addendum-3 §G).",
      }),
    },
    provenance: prov("verified", SRC.gtc, SRC.adhaines, SRC.seeder),
  },
  {
    id: "4.6",
    categoryId: 4,
    requirement: {
      en: "Review cybersecurity policies and procedures at least once a year, or more often if risk requires, and update them as needed.",
      es: "Revisar las políticas y procedimientos de ciberseguridad al menos una vez al año, o con más frecuencia si el riesgo lo exige, y actualizarlos según sea necesario.",
    },
    guidance: {
      basis: "reference",
      en: "A cyber incident is a reason for a review outside the yearly cycle.",
      es: "Un incidente cibernético justifica una revisión fuera del ciclo anual.",
    },
    applicability: { importer: app("must", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
    yearlyReview: true,
    yearlyReviewBasis: { source: SRC.adhaines, certainty: "verified" },
  },
  {
    id: "4.7",
    categoryId: 4,
    requirement: {
      en: "Grant system access by job role, review it periodically and remove it when someone leaves the company.",
      es: "Otorgar el acceso a los sistemas según el puesto, revisarlo periódicamente y retirarlo cuando alguien deja la empresa.",
    },
    guidance: {
      basis: "editorial",
      en: "Tie account removal to the separation checklist and keep the access-review records.",
      es: "Vincule la baja de cuentas con la lista de verificación de salida y conserve los registros de revisión de accesos.",
    },
    applicability: { importer: app("must", "verified", `${SRC.gtc}; ${SRC.adhaines}`) },
    provenance: prov("verified", SRC.gtc, SRC.adhaines, SRC.portalMock),
  },
  {
    id: "4.8",
    categoryId: 4,
    requirement: {
      en: "Give every user an individual account protected by strong passwords, passphrases or multi-factor authentication; change credentials when compromise is suspected.",
      es: "Dar a cada usuario una cuenta individual protegida con contraseñas robustas, frases de contraseña o autenticación multifactor; cambiar las credenciales si se sospecha que fueron comprometidas.",
    },
    guidance: {
      basis: "reference",
      en: "NIST SP 800-63B is the cited reference for passphrases. CBP issued a bulletin on passwords on May 15 2020.",
      es: "La referencia citada para frases de contraseña es NIST SP 800-63B. CBP publicó un boletín sobre contraseñas el 15 de mayo de 2020.",
    },
    applicability: { importer: app("must", "verified", `${SRC.adhaines}; ${SRC.asesores}`) },
    provenance: prov("verified", SRC.adhaines, SRC.asesores),
  },
  {
    id: "4.9",
    categoryId: 4,
    requirement: {
      en: "Secure remote access with technology such as a VPN and keep unauthorized users from connecting remotely.",
      es: "Proteger el acceso remoto con tecnología como una VPN e impedir que usuarios no autorizados se conecten a distancia.",
    },
    guidance: { basis: "editorial", en: KEEP_EVIDENCE_EN, es: KEEP_EVIDENCE_ES },
    applicability: { importer: app("must", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.portalMock, SRC.seeder),
  },
  {
    id: "4.10",
    categoryId: 4,
    requirement: {
      en: "Personal devices used for company work follow the company's cybersecurity policies, updates and secure-access rules.",
      es: "Los dispositivos personales usados para el trabajo cumplen las políticas de ciberseguridad, actualizaciones y reglas de acceso seguro de la empresa.",
    },
    guidance: {
      basis: "editorial",
      en: "Keep a register of personal devices allowed to reach company systems.",
      es: "Mantenga un registro de los dispositivos personales autorizados a conectarse a los sistemas de la empresa.",
    },
    applicability: { importer: app("must", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.portalMock, SRC.seeder),
  },
  {
    id: "4.11",
    categoryId: 4,
    requirement: {
      en: "Policies keep counterfeit or improperly licensed technology products out of use.",
      es: "Las políticas evitan el uso de productos tecnológicos falsificados o sin la licencia adecuada.",
    },
    guidance: {
      basis: "editorial",
      en: "Buy hardware and software from authorized channels and keep a license inventory.",
      es: "Compre equipo y software por canales autorizados y mantenga un inventario de licencias.",
    },
    applicability: { importer: app("should", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.portalMock),
  },
  {
    id: "4.12",
    categoryId: 4,
    requirement: {
      en: "Back up data about once a week, or as appropriate, and encrypt sensitive or confidential data.",
      es: "Respaldar los datos aproximadamente una vez por semana, o según convenga, y cifrar los datos sensibles o confidenciales.",
    },
    guidance: {
      basis: "editorial",
      en: "Test restoring from backups, not only taking them.",
      es: "Pruebe la restauración de los respaldos, no solo su creación.",
    },
    applicability: { importer: app("should", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
  {
    id: "4.13",
    categoryId: 4,
    requirement: {
      en: "Keep an inventory of media and IT equipment holding sensitive data, and sanitize or destroy it following NIST guidance.",
      es: "Mantener un inventario de medios y equipos informáticos con datos sensibles y sanitizarlos o destruirlos conforme a la guía del NIST.",
    },
    guidance: {
      basis: "reference",
      en: "NIST's media-sanitization guidance is the cited reference; record how and when each item was disposed of.",
      es: "La referencia citada es la guía del NIST sobre sanitización de medios; registre cómo y cuándo se dispuso de cada equipo.",
    },
    applicability: { importer: app("must", "verified", SRC.adhaines) },
    provenance: prov("verified", SRC.adhaines, SRC.seeder),
  },
];
