/**
 * The words an import understands: column headers (English and Spanish, any case, accents or spacing), partner types,
 * risk levels, statuses, site kinds, transport modes and identifier kinds, and country names. Every lookup goes
 * through `foldKey` (lower case, no accents, runs of space/_/-/./: as one space), so "País", "pais" and "PAIS" agree.
 */
import {
  IDENTIFIER_KINDS,
  type IdentifierKind,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  type PartnerStatus,
  type PartnerType,
  SITE_KINDS,
  type SiteKind,
} from "@portcullis/domain";
import { foldKey } from "../frameworks/frameworks.import.ts";
import { memo } from "./imports.model.ts";

export { countryCodeOf } from "./imports.countries.ts";
export { foldKey };

/** What a file holds. */
export const IMPORT_KINDS = ["partners", "sites", "lanes"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The columns of each kind, in the order the export writes them (docs/api/partners.md). */
export const COLUMNS = {
  partners: ["key", "name", "legal_name", "type", "country", "address", "website", "risk", "status", "identifiers", "supplier_keys"],
  sites: ["key", "partner_key", "name", "kind", "country", "address", "latitude", "longitude"],
  lanes: ["key", "name", "leg", "from", "to", "mode", "carrier_key"],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ColumnOf<K extends ImportKind> = (typeof COLUMNS)[K][number];

/** Columns a file of the kind must have. */
export const REQUIRED_COLUMNS: { [K in ImportKind]: readonly ColumnOf<K>[] } = {
  partners: ["key", "name", "type", "country"],
  sites: ["key", "partner_key", "name", "kind", "country"],
  lanes: ["key", "name", "leg", "from", "to", "mode"],
};

/** Words (folded) that mean the same column in every kind. */
const COMMON_HEADERS: Record<string, string> = {
  key: "key",
  "external key": "key",
  externalkey: "key",
  clave: "key",
  "clave externa": "key",
  codigo: "key",
  code: "key",
  name: "name",
  nombre: "name",
  country: "country",
  "country code": "country",
  pais: "country",
  "codigo de pais": "country",
  "codigo pais": "country",
  address: "address",
  direccion: "address",
  domicilio: "address",
};

/** Header words per kind (folded), on top of the common ones. */
const HEADERS: Record<ImportKind, Record<string, string>> = {
  partners: {
    ...COMMON_HEADERS,
    "legal name": "legal_name",
    "razon social": "legal_name",
    "nombre legal": "legal_name",
    type: "type",
    tipo: "type",
    "partner type": "type",
    "tipo de socio": "type",
    website: "website",
    web: "website",
    "web site": "website",
    url: "website",
    "sitio web": "website",
    "pagina web": "website",
    risk: "risk",
    "risk level": "risk",
    riesgo: "risk",
    "nivel de riesgo": "risk",
    status: "status",
    estado: "status",
    estatus: "status",
    identifiers: "identifiers",
    ids: "identifiers",
    identificadores: "identifiers",
    "supplier keys": "supplier_keys",
    suppliers: "supplier_keys",
    proveedores: "supplier_keys",
    "claves de proveedores": "supplier_keys",
    "claves proveedores": "supplier_keys",
    "clave proveedores": "supplier_keys",
  },
  sites: {
    ...COMMON_HEADERS,
    "partner key": "partner_key",
    partner: "partner_key",
    socio: "partner_key",
    "clave socio": "partner_key",
    "clave del socio": "partner_key",
    "clave de socio": "partner_key",
    kind: "kind",
    type: "kind",
    tipo: "kind",
    latitude: "latitude",
    lat: "latitude",
    latitud: "latitude",
    longitude: "longitude",
    lng: "longitude",
    lon: "longitude",
    long: "longitude",
    longitud: "longitude",
  },
  lanes: {
    ...COMMON_HEADERS,
    leg: "leg",
    seq: "leg",
    sequence: "leg",
    tramo: "leg",
    secuencia: "leg",
    from: "from",
    origin: "from",
    origen: "from",
    desde: "from",
    to: "to",
    destination: "to",
    destino: "to",
    hasta: "to",
    mode: "mode",
    modo: "mode",
    "modo de transporte": "mode",
    transporte: "mode",
    "carrier key": "carrier_key",
    carrier: "carrier_key",
    transportista: "carrier_key",
    "clave transportista": "carrier_key",
    "clave del transportista": "carrier_key",
  },
};

/** The column a header cell names for this kind, or undefined for a column the import ignores. */
export function columnOf(kind: ImportKind, header: string): string | undefined {
  return HEADERS[kind][foldKey(header)];
}

/** A lookup from folded words to a value, with the canonical values themselves included. */
function vocabulary<T extends string>(values: readonly T[], synonyms: Record<string, T>): (word: string) => T | undefined {
  const map = new Map<string, T>();
  for (const v of values) map.set(foldKey(v), v);
  for (const [word, v] of Object.entries(synonyms)) map.set(foldKey(word), v);
  return memo((word) => map.get(foldKey(word)));
}

/** Partner type from a word: the codes, their labels, common synonyms and Spanish terms. */
export const partnerTypeOf = vocabulary<PartnerType>(PARTNER_TYPES, {
  supplier: "manufacturer",
  vendor: "manufacturer",
  factory: "manufacturer",
  fabricante: "manufacturer",
  proveedor: "manufacturer",
  maquiladora: "manufacturer",
  carrier: "highway-carrier",
  trucking: "highway-carrier",
  truck: "highway-carrier",
  "highway carrier": "highway-carrier",
  "motor carrier": "highway-carrier",
  transportista: "highway-carrier",
  autotransportista: "highway-carrier",
  "transportista carretero": "highway-carrier",
  rail: "rail-carrier",
  railroad: "rail-carrier",
  railway: "rail-carrier",
  ferrocarril: "rail-carrier",
  ferroviario: "rail-carrier",
  "sea carrier": "sea-carrier",
  "ocean carrier": "sea-carrier",
  "shipping line": "sea-carrier",
  naviera: "sea-carrier",
  "linea naviera": "sea-carrier",
  "air carrier": "air-carrier",
  airline: "air-carrier",
  aerolinea: "air-carrier",
  broker: "customs-broker",
  "customs broker": "customs-broker",
  "agente aduanal": "customs-broker",
  "agencia aduanal": "customs-broker",
  forwarder: "consolidator",
  "freight forwarder": "consolidator",
  nvocc: "consolidator",
  consolidador: "consolidator",
  "agente de carga": "consolidator",
  "third party logistics": "3pl",
  "logistics provider": "3pl",
  "operador logistico": "3pl",
  terminal: "terminal-operator",
  "terminal operator": "terminal-operator",
  "marine terminal": "terminal-operator",
  "operador de terminal": "terminal-operator",
  exportador: "exporter",
  otro: "other",
  otra: "other",
});

export const riskOf = vocabulary(["low", "medium", "high"] as const, {
  bajo: "low",
  baja: "low",
  medio: "medium",
  media: "medium",
  moderado: "medium",
  alto: "high",
  alta: "high",
});

export const statusOf = vocabulary<PartnerStatus>(PARTNER_STATUSES, {
  prospecto: "prospect",
  "en evaluacion": "screening",
  evaluacion: "screening",
  "en revision": "screening",
  aprobado: "approved",
  aprobada: "approved",
  suspendido: "suspended",
  suspendida: "suspended",
  terminado: "terminated",
  terminada: "terminated",
  baja: "terminated",
});

export const siteKindOf = vocabulary<SiteKind>(SITE_KINDS, {
  oficina: "office",
  almacen: "warehouse",
  bodega: "warehouse",
  "centro de distribucion": "distribution-center",
  cedis: "distribution-center",
  dc: "distribution-center",
  fabrica: "factory",
  planta: "factory",
  plant: "factory",
  patio: "yard",
  terminal: "port-terminal",
  "terminal portuaria": "port-terminal",
  "border crossing": "border-crossing-point",
  "cruce fronterizo": "border-crossing-point",
  crossdock: "cross-dock",
  otro: "other",
});

export const MODES = ["sea", "air", "rail", "road"] as const;
export type Mode = (typeof MODES)[number];
export const modeOf = vocabulary<Mode>(MODES, {
  ocean: "sea",
  maritime: "sea",
  vessel: "sea",
  maritimo: "sea",
  mar: "sea",
  barco: "sea",
  aereo: "air",
  aerea: "air",
  plane: "air",
  avion: "air",
  "air freight": "air",
  train: "rail",
  railway: "rail",
  tren: "rail",
  ferrocarril: "rail",
  ferroviario: "rail",
  truck: "road",
  highway: "road",
  camion: "road",
  carretera: "road",
  terrestre: "road",
  autotransporte: "road",
});

export const identifierKindOf = vocabulary<IdentifierKind>(IDENTIFIER_KINDS, {
  "d u n s": "duns",
  "iata org": "iata-org",
  "tax id": "tax-id",
  taxid: "tax-id",
  nif: "tax-id",
  vat: "tax-id",
  "fmc number": "fmc",
});
