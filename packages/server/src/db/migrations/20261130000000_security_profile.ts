import { type Kysely, sql } from "kysely";

/**
 * The Security Profile (issue 3): self-assessment items per MSC criterion, the evidence vault, security
 * procedures (SOPs) with versions and acknowledgements, annual profile reviews, custom frameworks mapped to
 * MSC IDs, and in-app reminders. Every table is tenant-owned: forced RLS plus the owner bypass policy.
 * Criterion IDs are text (the library lives in code, versioned with the app, not in the database).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evidence_items (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      title text NOT NULL,
      description text,
      category text NOT NULL DEFAULT 'document',
      current_version integer NOT NULL DEFAULT 0,
      effective_on date,
      expires_on date,
      remind_days integer NOT NULL DEFAULT 30 CHECK (remind_days BETWEEN 0 AND 365),
      archived_at timestamptz,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (expires_on IS NULL OR effective_on IS NULL OR expires_on >= effective_on)
    );
    CREATE INDEX evidence_items_tenant_expiry ON evidence_items (tenant_id, expires_on);

    CREATE TABLE evidence_versions (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      evidence_id uuid NOT NULL REFERENCES evidence_items(id),
      version integer NOT NULL CHECK (version >= 1),
      sha256 char(64) NOT NULL,
      size_bytes bigint NOT NULL,
      media_type text NOT NULL,
      filename text NOT NULL,
      note text,
      uploaded_by uuid REFERENCES users(id),
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (evidence_id, version)
    );
    CREATE INDEX evidence_versions_tenant_sha ON evidence_versions (tenant_id, sha256);

    CREATE TABLE evidence_links (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      evidence_id uuid NOT NULL REFERENCES evidence_items(id),
      target_type text NOT NULL,
      target_id text NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, evidence_id, target_type, target_id)
    );
    CREATE INDEX evidence_links_target ON evidence_links (tenant_id, target_type, target_id);

    CREATE TABLE profile_items (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      criterion_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('not_assessed', 'implemented', 'partial', 'not_implemented', 'not_applicable')),
      narrative text,
      owner_user_id uuid REFERENCES users(id),
      na_justification text,
      na_approved_by uuid REFERENCES users(id),
      na_approved_at timestamptz,
      last_reviewed_on date,
      updated_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, criterion_id)
    );

    CREATE TABLE procedures (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      code text NOT NULL,
      title text NOT NULL,
      owner_user_id uuid REFERENCES users(id),
      review_interval_months integer CHECK (review_interval_months BETWEEN 1 AND 60),
      next_review_on date,
      requires_ack boolean NOT NULL DEFAULT false,
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, code)
    );

    CREATE TABLE procedure_versions (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      procedure_id uuid NOT NULL REFERENCES procedures(id),
      version integer NOT NULL CHECK (version >= 1),
      status text NOT NULL CHECK (status IN ('draft', 'in_review', 'approved', 'superseded')),
      body text NOT NULL,
      change_note text,
      author_id uuid REFERENCES users(id),
      submitted_at timestamptz,
      approved_by uuid REFERENCES users(id),
      approved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (procedure_id, version)
    );

    CREATE TABLE procedure_criteria (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      procedure_id uuid NOT NULL REFERENCES procedures(id),
      criterion_id text NOT NULL,
      PRIMARY KEY (tenant_id, procedure_id, criterion_id)
    );
    CREATE INDEX procedure_criteria_criterion ON procedure_criteria (tenant_id, criterion_id);

    CREATE TABLE procedure_acks (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      procedure_version_id uuid NOT NULL REFERENCES procedure_versions(id),
      user_id uuid NOT NULL REFERENCES users(id),
      acknowledged_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, procedure_version_id, user_id)
    );

    CREATE TABLE profile_reviews (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      anniversary_on date NOT NULL,
      opens_on date NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'signed')),
      version integer,
      snapshot jsonb,
      snapshot_hash char(64),
      signed_by uuid REFERENCES users(id),
      signed_at timestamptz,
      signoff_note text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, anniversary_on),
      CHECK ((status = 'signed') = (snapshot IS NOT NULL AND signed_at IS NOT NULL AND version IS NOT NULL))
    );

    CREATE TABLE profile_review_tasks (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      review_id uuid NOT NULL REFERENCES profile_reviews(id),
      category_id integer NOT NULL CHECK (category_id BETWEEN 1 AND 12),
      owner_user_id uuid REFERENCES users(id),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
      note text,
      completed_by uuid REFERENCES users(id),
      completed_at timestamptz,
      PRIMARY KEY (tenant_id, review_id, category_id)
    );

    CREATE TABLE frameworks (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      name text NOT NULL,
      version text NOT NULL DEFAULT '',
      description text,
      source_filename text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      archived_at timestamptz,
      UNIQUE (tenant_id, name, version)
    );

    CREATE TABLE framework_controls (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      framework_id uuid NOT NULL REFERENCES frameworks(id),
      ref text NOT NULL,
      title text NOT NULL,
      description text,
      status text CHECK (status IN ('not_assessed', 'implemented', 'partial', 'not_implemented', 'not_applicable')),
      position integer NOT NULL,
      UNIQUE (framework_id, ref)
    );

    CREATE TABLE framework_mappings (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      control_id uuid NOT NULL REFERENCES framework_controls(id),
      criterion_id text NOT NULL,
      relation text NOT NULL CHECK (relation IN ('equal', 'subset', 'superset', 'related')),
      PRIMARY KEY (tenant_id, control_id, criterion_id)
    );
    CREATE INDEX framework_mappings_criterion ON framework_mappings (tenant_id, criterion_id);

    CREATE TABLE notifications (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      user_id uuid REFERENCES users(id),
      kind text NOT NULL,
      subject_type text NOT NULL,
      subject_id text NOT NULL,
      params jsonb NOT NULL DEFAULT '{}'::jsonb,
      due_on date,
      dedupe_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      UNIQUE (tenant_id, dedupe_key)
    );
    CREATE INDEX notifications_tenant_created ON notifications (tenant_id, created_at DESC);
  `.execute(db);

  const tables = [
    "evidence_items",
    "evidence_versions",
    "evidence_links",
    "profile_items",
    "procedures",
    "procedure_versions",
    "procedure_criteria",
    "procedure_acks",
    "profile_reviews",
    "profile_review_tasks",
    "frameworks",
    "framework_controls",
    "framework_mappings",
    "notifications",
  ];
  for (const table of tables) {
    await sql
      .raw(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
        CREATE POLICY owner_all ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true);
      `)
      .execute(db);
  }
  // Versions, acknowledgements and signed reviews are records: the app may add, never rewrite or remove.
  await sql`
    GRANT SELECT, INSERT, UPDATE ON evidence_items, profile_items, procedures, profile_reviews, profile_review_tasks,
      frameworks, framework_controls, notifications TO portcullis_app;
    GRANT SELECT, INSERT ON evidence_versions, procedure_acks TO portcullis_app;
    GRANT SELECT, INSERT, UPDATE ON procedure_versions TO portcullis_app;
    GRANT SELECT, INSERT, DELETE ON evidence_links, procedure_criteria, framework_mappings TO portcullis_app;
  `.execute(db);
  // A signed review is frozen: its snapshot can never change, even by a bug in the app.
  await sql`
    CREATE FUNCTION refuse_signed_review_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'signed' THEN
        RAISE EXCEPTION 'profile review % is signed and frozen', OLD.id USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER profile_reviews_frozen BEFORE UPDATE ON profile_reviews
      FOR EACH ROW EXECUTE FUNCTION refuse_signed_review_change();
  `.execute(db);
}
