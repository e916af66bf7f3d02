import { type Kysely, sql } from "kysely";

/**
 * Row-level security for the two remaining tables that carry a tenant_id: sessions and jobs.
 * Without it, any tenant-scoped transaction could read every company's sessions (CSRF tokens included)
 * and revoke or delete them, and read or cancel other companies' jobs.
 *
 * sessions: a user sees their own sessions (login, logout, switching company) and a company sees the
 * sessions currently in it (deactivating a member ends them). jobs: a company sees its own jobs; jobs
 * without a company are system work, handled by the owner (the worker does not run as the app role).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
    ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
    CREATE POLICY session_scope ON sessions
      USING (user_id = app_user_id() OR tenant_id = app_tenant_id())
      WITH CHECK (user_id = app_user_id() OR tenant_id = app_tenant_id());
    CREATE POLICY owner_all ON sessions TO CURRENT_USER USING (true) WITH CHECK (true);

    ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
    ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON jobs USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
    CREATE POLICY owner_all ON jobs TO CURRENT_USER USING (true) WITH CHECK (true);
  `.execute(db);
}
