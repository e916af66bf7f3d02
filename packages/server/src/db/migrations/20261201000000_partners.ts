import { type Kysely, sql } from "kysely";

/**
 * Business partners and the supply chain (issue 4): the partner registry with sites, contacts, identifiers,
 * status history, certifications (CTPAT or a foreign AEO under an MRA), screening records and multi-tier
 * relations; denied-party screening lists and matches; lanes as ordered legs between nodes; partner
 * questionnaires with invitation links and partner sessions. Every table is tenant-owned (forced RLS).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE partners (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      external_key text,
      name text NOT NULL,
      legal_name text,
      type text NOT NULL,
      country_code char(2) NOT NULL,
      address text,
      website text,
      status text NOT NULL DEFAULT 'prospect'
        CHECK (status IN ('prospect', 'screening', 'approved', 'suspended', 'terminated')),
      risk_level text NOT NULL DEFAULT 'medium' CHECK (risk_level IN ('low', 'medium', 'high')),
      vulnerability_score integer CHECK (vulnerability_score BETWEEN 0 AND 100),
      rescreen_due_on date,
      questionnaire_waived_at timestamptz,
      questionnaire_waiver_reason text,
      notes text,
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX partners_external_key ON partners (tenant_id, external_key) WHERE external_key IS NOT NULL;
    CREATE INDEX partners_tenant_name ON partners (tenant_id, name, id);
    CREATE INDEX partners_tenant_country ON partners (tenant_id, country_code);

    CREATE TABLE partner_status_history (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      from_status text,
      to_status text NOT NULL,
      reason text,
      actor_id uuid REFERENCES users(id),
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX partner_status_history_partner ON partner_status_history (tenant_id, partner_id, at);

    CREATE TABLE partner_sites (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      external_key text,
      name text NOT NULL,
      kind text NOT NULL,
      country_code char(2) NOT NULL,
      address text,
      latitude double precision CHECK (latitude BETWEEN -90 AND 90),
      longitude double precision CHECK (longitude BETWEEN -180 AND 180),
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX partner_sites_external_key ON partner_sites (tenant_id, external_key) WHERE external_key IS NOT NULL;
    CREATE INDEX partner_sites_partner ON partner_sites (tenant_id, partner_id);

    CREATE TABLE partner_contacts (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      name text NOT NULL,
      email text,
      phone text,
      role text,
      position integer NOT NULL DEFAULT 0
    );
    CREATE INDEX partner_contacts_partner ON partner_contacts (tenant_id, partner_id);

    CREATE TABLE partner_identifiers (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      kind text NOT NULL,
      value text NOT NULL,
      PRIMARY KEY (tenant_id, partner_id, kind, value)
    );
    CREATE INDEX partner_identifiers_value ON partner_identifiers (tenant_id, kind, value);

    CREATE TABLE partner_certifications (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      program text NOT NULL,
      certificate_id text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'expired', 'revoked')),
      valid_from date,
      valid_to date,
      last_verified_on date,
      next_verification_on date,
      evidence_id uuid REFERENCES evidence_items(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
    );
    CREATE INDEX partner_certifications_partner ON partner_certifications (tenant_id, partner_id);

    CREATE TABLE partner_screenings (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      kind text NOT NULL,
      result text NOT NULL CHECK (result IN ('pass', 'concern', 'fail')),
      indicators text[] NOT NULL DEFAULT '{}',
      notes text,
      performed_by uuid REFERENCES users(id),
      performed_on date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX partner_screenings_partner ON partner_screenings (tenant_id, partner_id, performed_on);

    -- Multi-tier: supplier_id supplies customer_id (a supplier of a supplier is tier 2 for the company).
    CREATE TABLE partner_relations (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      supplier_id uuid NOT NULL REFERENCES partners(id),
      customer_id uuid NOT NULL REFERENCES partners(id),
      kind text NOT NULL DEFAULT 'supplies',
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, supplier_id, customer_id),
      CHECK (supplier_id <> customer_id)
    );
    CREATE INDEX partner_relations_customer ON partner_relations (tenant_id, customer_id);

    CREATE TABLE screening_lists (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      name text NOT NULL,
      source text NOT NULL,
      format text NOT NULL,
      filename text,
      sha256 char(64) NOT NULL,
      entry_count integer NOT NULL,
      imported_by uuid REFERENCES users(id),
      imported_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE screening_entries (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      list_id uuid NOT NULL REFERENCES screening_lists(id),
      external_id text,
      name text NOT NULL,
      alt_names text[] NOT NULL DEFAULT '{}',
      normalized text NOT NULL,
      addresses text[] NOT NULL DEFAULT '{}',
      country_codes text[] NOT NULL DEFAULT '{}',
      programs text[] NOT NULL DEFAULT '{}',
      remarks text
    );
    CREATE INDEX screening_entries_list ON screening_entries (tenant_id, list_id);

    CREATE TABLE screening_matches (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      entry_id uuid NOT NULL REFERENCES screening_entries(id),
      score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
      matched_on text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'false-positive', 'confirmed')),
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, partner_id, entry_id)
    );
    CREATE INDEX screening_matches_status ON screening_matches (tenant_id, status);

    CREATE TABLE lanes (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      external_key text,
      name text NOT NULL,
      description text,
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX lanes_external_key ON lanes (tenant_id, external_key) WHERE external_key IS NOT NULL;

    -- A node is "site:<uuid>" (own site), "partner-site:<uuid>" or "port:<location code>".
    CREATE TABLE lane_legs (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      lane_id uuid NOT NULL REFERENCES lanes(id),
      seq integer NOT NULL CHECK (seq >= 1),
      from_node text NOT NULL,
      to_node text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('sea', 'air', 'rail', 'road')),
      carrier_partner_id uuid REFERENCES partners(id),
      at_rest jsonb NOT NULL DEFAULT '[]'::jsonb,
      PRIMARY KEY (tenant_id, lane_id, seq),
      CHECK (from_node <> to_node)
    );
    CREATE INDEX lane_legs_from ON lane_legs (tenant_id, from_node);
    CREATE INDEX lane_legs_to ON lane_legs (tenant_id, to_node);
    CREATE INDEX lane_legs_carrier ON lane_legs (tenant_id, carrier_partner_id);

    CREATE TABLE questionnaires (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      partner_id uuid NOT NULL REFERENCES partners(id),
      entity_type text NOT NULL,
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'sent', 'in_progress', 'submitted', 'changes_requested', 'accepted', 'cancelled')),
      lang text NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'es')),
      due_on date,
      round integer NOT NULL DEFAULT 1,
      score integer CHECK (score BETWEEN 0 AND 100),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      accepted_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX questionnaires_partner ON questionnaires (tenant_id, partner_id);

    CREATE TABLE questionnaire_answers (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      questionnaire_id uuid NOT NULL REFERENCES questionnaires(id),
      criterion_id text NOT NULL,
      round integer NOT NULL,
      answer text CHECK (answer IN ('yes', 'partial', 'no', 'not_applicable')),
      comment text,
      evidence_ids uuid[] NOT NULL DEFAULT '{}',
      review text CHECK (review IN ('accepted', 'change_requested')),
      review_comment text,
      reviewed_by uuid REFERENCES users(id),
      reviewed_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, questionnaire_id, criterion_id, round)
    );

    CREATE TABLE questionnaire_invitations (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      questionnaire_id uuid NOT NULL REFERENCES questionnaires(id),
      token_hash char(64) NOT NULL UNIQUE,
      email text,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      revoked_at timestamptz,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE partner_sessions (
      id_hash char(64) PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      questionnaire_id uuid NOT NULL REFERENCES questionnaires(id),
      invitation_id uuid NOT NULL REFERENCES questionnaire_invitations(id),
      csrf_token text NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);

  const tables = [
    "partners",
    "partner_status_history",
    "partner_sites",
    "partner_contacts",
    "partner_identifiers",
    "partner_certifications",
    "partner_screenings",
    "partner_relations",
    "screening_lists",
    "screening_entries",
    "screening_matches",
    "lanes",
    "lane_legs",
    "questionnaires",
    "questionnaire_answers",
    "questionnaire_invitations",
    "partner_sessions",
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
  await sql`
    GRANT SELECT, INSERT, UPDATE ON partners, partner_sites, partner_certifications, screening_matches, lanes,
      questionnaires, questionnaire_answers, questionnaire_invitations, partner_sessions TO portcullis_app;
    GRANT SELECT, INSERT ON partner_status_history, partner_screenings, screening_lists, screening_entries TO portcullis_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON partner_contacts, partner_identifiers, partner_relations, lane_legs TO portcullis_app;
  `.execute(db);

  // Exchanging an invitation link happens before any company scope exists: the link's hash finds its row.
  await sql`
    CREATE FUNCTION auth_partner_invitation(p_hash text) RETURNS TABLE (id uuid, tenant_id uuid, questionnaire_id uuid,
      expires_at timestamptz, used_at timestamptz, revoked_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
      $$ SELECT id, tenant_id, questionnaire_id, expires_at, used_at, revoked_at
         FROM questionnaire_invitations WHERE token_hash = p_hash $$;
    CREATE FUNCTION auth_partner_session(p_hash text) RETURNS TABLE (tenant_id uuid, questionnaire_id uuid, csrf_token text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
      $$ SELECT tenant_id, questionnaire_id, csrf_token FROM partner_sessions
         WHERE id_hash = p_hash AND revoked_at IS NULL AND expires_at > now() $$;
    GRANT EXECUTE ON FUNCTION auth_partner_invitation(text) TO portcullis_app;
    GRANT EXECUTE ON FUNCTION auth_partner_session(text) TO portcullis_app;
  `.execute(db);
}
