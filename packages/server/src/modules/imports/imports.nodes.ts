/**
 * Lane nodes in files and in the database. A file writes `site:<own site name or id>`, `partner-site:<key>` or
 * `port:<location code>` (a code of the packaged `@portcullis/domain` locations); the database stores `site:<uuid>`, `partner-site:<uuid>` and `port:<CODE>`.
 */
import { getLocation } from "@portcullis/domain";
import { isUuid } from "../../http/schemas.ts";
import { keyIndex, keyOf } from "./imports.model.ts";
import type { PartnerSiteState } from "./imports.repo.ts";
import { foldKey } from "./imports.vocab.ts";

/** What a node can be resolved against. */
export interface NodeWorld {
  ownSites: { id: string; name: string }[];
  partnerSites: PartnerSiteState[];
}

const PREFIXES: Record<string, "site" | "partner-site" | "port"> = {
  site: "site",
  sitio: "site",
  "own site": "site",
  "sitio propio": "site",
  "partner site": "partner-site",
  partnersite: "partner-site",
  "sitio de socio": "partner-site",
  "sitio socio": "partner-site",
  port: "port",
  puerto: "port",
  location: "port",
  ubicacion: "port",
};

/** Resolves file nodes to stored nodes, and stored nodes back to what the export writes. */
export class NodeResolver {
  private readonly siteByName = new Map<string, string | null>();
  private readonly siteIds: Set<string>;
  private readonly siteNames = new Map<string, string>();
  private readonly findPartnerSite: (key: string) => PartnerSiteState | undefined;
  private readonly partnerSiteKey = new Map<string, string>();

  constructor(world: NodeWorld) {
    for (const s of world.ownSites) {
      const k = foldKey(s.name);
      this.siteByName.set(k, this.siteByName.has(k) ? null : s.id);
      this.siteNames.set(s.id, s.name);
    }
    this.siteIds = new Set(world.ownSites.map((s) => s.id));
    this.findPartnerSite = keyIndex(world.partnerSites);
    for (const p of world.partnerSites) this.partnerSiteKey.set(p.id, keyOf(p));
  }

  /** The stored node for a file's node text, or why it cannot be. */
  resolve(text: string): { node: string } | { error: string } {
    const at = text.indexOf(":");
    const kind = at < 0 ? undefined : PREFIXES[foldKey(text.slice(0, at))];
    const value = at < 0 ? "" : text.slice(at + 1).trim();
    if (!kind || value === "") {
      return { error: `"${text.slice(0, 60)}" should be site:<site name or id>, partner-site:<key> or port:<code>` };
    }
    if (kind === "port") {
      // The packaged list's code, also for a documented alternative code (CNSHG → CNSHA).
      const location = getLocation(value.replace(/\s+/g, ""));
      return location
        ? { node: `port:${location.code}` }
        : { error: `"${value.slice(0, 20)}" is not a location code of the packaged list` };
    }
    if (kind === "partner-site") {
      const site = this.findPartnerSite(value);
      return site ? { node: `partner-site:${site.id}` } : { error: `"${value.slice(0, 60)}" is not a partner-site key of your registry` };
    }
    if (isUuid(value) && this.siteIds.has(value.toLowerCase())) return { node: `site:${value.toLowerCase()}` };
    const id = this.siteByName.get(foldKey(value));
    if (id === null) return { error: `two of your sites are named "${value.slice(0, 60)}": use the site's id` };
    return id ? { node: `site:${id}` } : { error: `"${value.slice(0, 60)}" is not one of your sites` };
  }

  /** What the export writes for a stored node: the site's name when it finds that site again, else its id. */
  render(node: string): string {
    const at = node.indexOf(":");
    const kind = node.slice(0, at);
    const value = node.slice(at + 1);
    if (kind === "partner-site") return `partner-site:${this.partnerSiteKey.get(value) ?? value}`;
    if (kind === "site") {
      const name = this.siteNames.get(value);
      const simple = name !== undefined && name === name.trim() && !/[\r\n]/.test(name) && name !== "";
      return `site:${simple && this.siteByName.get(foldKey(name)) === value ? name : value}`;
    }
    return node;
  }
}
