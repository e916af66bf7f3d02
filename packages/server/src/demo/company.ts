import type { SiteKind } from "@portcullis/domain";
import { actorOf } from "../auth/context.ts";
import type { Db } from "../db/open.ts";
import type { TenantCtx } from "../http/context.ts";
import { createSite } from "../modules/sites/sites.service.ts";
import { addMember } from "../modules/users/users.service.ts";

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

/** The demo company's team: one person per role a CTPAT program typically staffs. */
const DEMO_PEOPLE = [
  { email: "maria.garza@sierranorte.example", displayName: "María Elena Garza", role: "security-manager" },
  { email: "kevin.osei@sierranorte.example", displayName: "Kevin Osei", role: "analyst" },
  { email: "jorge.ramirez@sierranorte.example", displayName: "Jorge Ramírez", role: "inspector" },
  { email: "linda.chu@sierranorte.example", displayName: "Linda Chu", role: "trainer" },
  { email: "auditor@cpa-partners.example", displayName: "R. Patel (internal audit)", role: "auditor" },
] as const;

/** Password of the demo team members (the demo owner has its own, printed at start). */
export const DEMO_TEAM_PASSWORD = "portcullis-team-demo";

/** Create the demo company's sites and team; returns the team's user ids by role. */
export async function seedDemoCompany(options: { db: Db; tenantId: string; ownerUserId: string }): Promise<Record<string, string>> {
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
  const byRole: Record<string, string> = { owner: options.ownerUserId };
  for (const person of DEMO_PEOPLE) {
    const member = await addMember({ ctx, callerRole: "owner", input: { ...person, password: DEMO_TEAM_PASSWORD } });
    byRole[person.role] = member.id;
  }
  return byRole;
}

/** The demo supplier: a maquiladora in Ciudad Juárez, seen by the demo owner as a consultant. */
export async function seedSupplierCompany(options: { db: Db; tenantId: string; ownerUserId: string }): Promise<void> {
  const ctx: TenantCtx = {
    db: options.db.kysely,
    tenantId: options.tenantId,
    userId: options.ownerUserId,
    actor: { id: options.ownerUserId, label: "demo@portcullis.example" },
    requestId: null,
  };
  await createSite({
    ctx,
    input: {
      name: "Planta Juárez",
      kind: "factory",
      countryCode: "MX",
      address: "Blvd. Independencia 1250, Cd. Juárez, Chih.",
      latitude: 31.69,
      longitude: -106.39,
    },
  });
}
