import type { SiteKind } from "@portcullis/domain";
import { actorOf } from "../auth/context.ts";
import type { Db } from "../db/open.ts";
import type { TenantCtx } from "../http/context.ts";
import { createSite } from "../modules/sites/sites.service.ts";

/** Sites of the demo importer: U.S. offices and DCs, the border cross-dock. */
const DEMO_SITES: { name: string; kind: SiteKind; countryCode: string; address: string; latitude: number; longitude: number }[] = [
  {
    name: "Headquarters – Dallas",
    kind: "office",
    countryCode: "US",
    address: "2100 N Stemmons Fwy, Dallas, TX 75207",
    latitude: 32.8,
    longitude: -96.82,
  },
  {
    name: "Laredo Cross-Dock",
    kind: "cross-dock",
    countryCode: "US",
    address: "11500 Mines Rd, Laredo, TX 78045",
    latitude: 27.6,
    longitude: -99.52,
  },
  {
    name: "Inland Empire DC",
    kind: "distribution-center",
    countryCode: "US",
    address: "3500 E Francis St, Ontario, CA 91761",
    latitude: 34.04,
    longitude: -117.58,
  },
  {
    name: "Memphis Returns Warehouse",
    kind: "warehouse",
    countryCode: "US",
    address: "4700 Distriplex Farms Dr, Memphis, TN 38118",
    latitude: 35.04,
    longitude: -89.93,
  },
  {
    name: "Nuevo Laredo Trailer Yard",
    kind: "yard",
    countryCode: "MX",
    address: "Carretera Nacional km 12, Nuevo Laredo, Tamps.",
    latitude: 27.43,
    longitude: -99.55,
  },
];

/** Fill the demo company with program data. Each later module adds its part here. */
export async function seedDemoCompany(options: { db: Db; tenantId: string; ownerUserId: string }): Promise<void> {
  const ctx: TenantCtx = {
    db: options.db.kysely,
    tenantId: options.tenantId,
    userId: options.ownerUserId,
    actor: actorOf({
      userId: options.ownerUserId,
      email: "demo@portcullis.example",
      displayName: "",
      locale: "en",
      tenantId: options.tenantId,
      role: "owner",
      via: "session",
    }),
    requestId: null,
  };
  for (const site of DEMO_SITES) {
    await createSite({ ctx, input: site });
  }
}
