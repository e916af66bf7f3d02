import { type Kysely, sql } from "kysely";

/**
 * Indexes for supply-chain impact questions ("which lanes touch this partner / this country?").
 * Under forced RLS the planner will not use an index through a non-leakproof operator (jsonb containment, array
 * overlap), so at-rest points cannot be searched by a GIN index; instead a partial index finds the few legs that
 * have any at-rest point at all, and those are checked one by one. Partner sites by country: the country
 * impact question starts from every node in a country.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX lane_legs_with_rest ON lane_legs (tenant_id) WHERE at_rest <> '[]'::jsonb;
    CREATE INDEX partner_sites_country ON partner_sites (tenant_id, country_code);
  `.execute(db);
}
