import { sql } from "kysely";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/open.ts";
import { createTenant } from "../modules/tenants/tenants.service.ts";
import { seedDemoCompany, seedSupplierCompany } from "./company.ts";
import { type DemoProgress, seedDemoProgram } from "./program.ts";

/** Demo sign-in, printed at first start. Change it (or delete the demo company) before real use. */
export const DEMO_LOGIN = { email: "demo@portcullis.example", password: "portcullis-demo" } as const;

/** Create the demo company when the database has no company yet; returns the demo login, or null. */
export async function seedDemoIfEmpty(options: {
  db: Db;
  config: Pick<Config, "evidenceDir">;
  onProgress?: DemoProgress;
}): Promise<{ email: string; password: string } | null> {
  const { db, config } = options;
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tenants`.execute(db.kysely);
  if (Number(rows[0]?.n ?? 0) > 0) {
    return null;
  }
  await createDemo(db, config, options.onProgress);
  return { ...DEMO_LOGIN };
}

/** Create the demo company (always a new one). */
export async function createDemo(db: Db, config: Pick<Config, "evidenceDir">, onProgress?: DemoProgress): Promise<{ tenantId: string }> {
  const { tenant, ownerUserId } = await createTenant({
    db: db.kysely,
    input: {
      legalName: "Sierra Norte Imports, Inc.",
      entityTypes: ["importer"],
      ctpatAccountNumber: "IMP-2019-04417",
      ctpatStatus: "validated",
      ctpatTier: "tier-2",
      certifiedOn: "2019-03-14",
      lastValidatedOn: "2023-05-22",
      anniversaryDate: "2027-03-14",
      countryCode: "US",
    },
    owner: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password, displayName: "Dana Whitfield" },
    actor: SYSTEM_ACTOR,
  });
  const team = await seedDemoCompany({ db, tenantId: tenant.id, ownerUserId });
  const person = (role: string) => team[role] ?? ownerUserId;
  const people = {
    owner: ownerUserId,
    securityManager: person("security-manager"),
    analyst: person("analyst"),
    inspector: person("inspector"),
    trainer: person("trainer"),
  };
  await seedDemoProgram({ db, config, tenantId: tenant.id, people, ...(onProgress ? { onProgress } : {}) });
  // The demo owner also consults for a Mexican supplier, so the company switcher has somewhere to go.
  const supplier = await createTenant({
    db: db.kysely,
    input: {
      legalName: "Maquiladora Del Norte, S.A. de C.V.",
      entityTypes: ["foreign-manufacturer"],
      ctpatStatus: "applicant",
      countryCode: "MX",
    },
    owner: { userId: ownerUserId },
    actor: SYSTEM_ACTOR,
  });
  await seedSupplierCompany({ db, tenantId: supplier.tenant.id, ownerUserId });
  return { tenantId: tenant.id };
}
