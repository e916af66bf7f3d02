import { type Kysely, sql } from "kysely";

/**
 * Four eyes on "not applicable" for a Must: remember who asked for the N/A, so the approval can refuse that
 * person even after someone else edits the narrative (updated_by alone would forget the requester).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE profile_items ADD COLUMN na_requested_by uuid REFERENCES users(id)`.execute(db);
}
