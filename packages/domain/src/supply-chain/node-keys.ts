import { z } from "zod";
import { getLocation } from "../locations/locations.ts";

/**
 * A node of the supply-chain graph, written as one string so that legs of different lanes join on plain equality:
 * `site:<uuid>` (one of the company's own sites), `partner-site:<uuid>` (a business partner's facility) or
 * `port:<code>` (a packaged location: seaport, airport, border crossing or inland place).
 */
export const NODE_KINDS = ["site", "partner-site", "port"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** A parsed node key: `id` is a lower-case UUID for sites and partner sites, the upper-case code for ports. */
export interface NodeRef {
  kind: NodeKind;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PORT_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/;

/**
 * Read a node key; null when it is not one. The id part is normalised (UUIDs lower case, port codes upper case and
 * documented alternative codes mapped to the packaged one), so the same place always formats to the same key.
 * Whether the node exists is not checked here.
 */
export function parseNodeKey(key: string): NodeRef | null {
  const colon = key.indexOf(":");
  if (colon < 0 || key.length > 100) return null;
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (kind === "site" || kind === "partner-site") {
    return UUID.test(id) ? { kind, id: id.toLowerCase() } : null;
  }
  if (kind === "port" && PORT_CODE.test(id)) {
    const upper = id.toUpperCase();
    return { kind, id: getLocation(upper)?.code ?? upper };
  }
  return null;
}

/** Write a node key. */
export function formatNodeKey(ref: NodeRef): string {
  return `${ref.kind}:${ref.kind === "port" ? ref.id.toUpperCase() : ref.id.toLowerCase()}`;
}

/** The canonical spelling of a node key (see {@link parseNodeKey}), or null when it is not a node key. */
export function canonicalNodeKey(key: string): string | null {
  const ref = parseNodeKey(key);
  return ref ? formatNodeKey(ref) : null;
}

/** A node key at an API boundary, turned into its canonical spelling. */
export const NodeKeySchema = z
  .string()
  .max(100)
  .refine((s) => parseNodeKey(s) !== null, "must be site:<uuid>, partner-site:<uuid> or port:<location code>")
  .transform((s) => canonicalNodeKey(s) as string);
