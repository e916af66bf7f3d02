import { type Kysely, sql } from "kysely";

/**
 * The supply-chain graph for path and impact questions on large networks.
 *
 * `lane_edges` holds each distinct hop (from → to, by mode) of a company's live lanes once, with how many legs run
 * it. Path searches walk it instead of the legs: a busy port pair sailed by hundreds of lanes is one row here.
 * Triggers keep it exact whoever writes (the lanes API, imports, plain SQL): statement triggers on lane_legs, and a
 * row trigger on lanes for archiving and restoring. The trigger functions run as the caller, so RLS applies.
 *
 * Indexes: lane legs by hop (from, to, lane), by destination and by carrier, each ending in the lane id so that
 * "which lanes" is answered from the index alone; live lanes by name (list pages) and by id with their name
 * (impact pages); archived lanes by id; the few legs that have at-rest points (under forced RLS the planner
 * will not use an index through jsonb operators, which are not leakproof, so those legs are found by a partial
 * index and checked one by one); partner sites by country, where a country impact question starts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE lane_edges (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      from_node text NOT NULL,
      to_node text NOT NULL,
      mode text NOT NULL,
      legs integer NOT NULL,
      PRIMARY KEY (tenant_id, from_node, to_node, mode)
    );
    CREATE INDEX lane_edges_to ON lane_edges (tenant_id, to_node, from_node);
    ALTER TABLE lane_edges ENABLE ROW LEVEL SECURITY;
    ALTER TABLE lane_edges FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON lane_edges USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
    CREATE POLICY owner_all ON lane_edges TO CURRENT_USER USING (true) WITH CHECK (true);
    GRANT SELECT, INSERT, UPDATE, DELETE ON lane_edges TO portcullis_app;

    -- Add n legs to each hop (n < 0 removes). Rows are locked in key order first, so two writers of one company
    -- cannot deadlock on shared hops; a hop left with no leg is deleted.
    CREATE FUNCTION lane_edges_apply(d_tenant uuid[], d_from text[], d_to text[], d_mode text[], d_n int[]) RETURNS void
    LANGUAGE sql AS $fn$
      INSERT INTO lane_edges (tenant_id, from_node, to_node, mode, legs)
        SELECT t, f, o, m, 0 FROM unnest(d_tenant, d_from, d_to, d_mode) AS x(t, f, o, m) ORDER BY t, f, o, m
        ON CONFLICT (tenant_id, from_node, to_node, mode) DO NOTHING;
      SELECT 1 FROM lane_edges e JOIN unnest(d_tenant, d_from, d_to, d_mode) AS x(t, f, o, m)
        ON e.tenant_id = x.t AND e.from_node = x.f AND e.to_node = x.o AND e.mode = x.m
        ORDER BY e.tenant_id, e.from_node, e.to_node, e.mode FOR UPDATE OF e;
      UPDATE lane_edges e SET legs = e.legs + x.n FROM unnest(d_tenant, d_from, d_to, d_mode, d_n) AS x(t, f, o, m, n)
        WHERE e.tenant_id = x.t AND e.from_node = x.f AND e.to_node = x.o AND e.mode = x.m;
      DELETE FROM lane_edges e USING unnest(d_tenant, d_from, d_to, d_mode) AS x(t, f, o, m)
        WHERE e.tenant_id = x.t AND e.from_node = x.f AND e.to_node = x.o AND e.mode = x.m AND e.legs <= 0;
    $fn$;

    -- Legs written or deleted: count those of live lanes (an archived lane's legs are not in the graph).
    CREATE FUNCTION lane_legs_edges_added() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE d record;
    BEGIN
      SELECT array_agg(t) AS t, array_agg(f) AS f, array_agg(o) AS o, array_agg(m) AS m, array_agg(n) AS n INTO d FROM (
        SELECT l.tenant_id AS t, l.from_node AS f, l.to_node AS o, l.mode AS m, count(*)::int AS n
        FROM lane_edges_new l JOIN lanes z ON z.tenant_id = l.tenant_id AND z.id = l.lane_id
        WHERE z.archived_at IS NULL GROUP BY 1, 2, 3, 4) x;
      PERFORM lane_edges_apply(d.t, d.f, d.o, d.m, d.n);
      RETURN NULL;
    END $fn$;
    CREATE FUNCTION lane_legs_edges_removed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE d record;
    BEGIN
      SELECT array_agg(t) AS t, array_agg(f) AS f, array_agg(o) AS o, array_agg(m) AS m, array_agg(n) AS n INTO d FROM (
        SELECT l.tenant_id AS t, l.from_node AS f, l.to_node AS o, l.mode AS m, -count(*)::int AS n
        FROM lane_edges_old l JOIN lanes z ON z.tenant_id = l.tenant_id AND z.id = l.lane_id
        WHERE z.archived_at IS NULL GROUP BY 1, 2, 3, 4) x;
      PERFORM lane_edges_apply(d.t, d.f, d.o, d.m, d.n);
      RETURN NULL;
    END $fn$;
    CREATE FUNCTION lane_legs_edges_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE d record;
    BEGIN
      SELECT array_agg(t) AS t, array_agg(f) AS f, array_agg(o) AS o, array_agg(m) AS m, array_agg(n) AS n INTO d FROM (
        SELECT l.tenant_id AS t, l.from_node AS f, l.to_node AS o, l.mode AS m, sum(l.n)::int AS n
        FROM (SELECT tenant_id, lane_id, from_node, to_node, mode, 1 AS n FROM lane_edges_new
              UNION ALL SELECT tenant_id, lane_id, from_node, to_node, mode, -1 FROM lane_edges_old) l
        JOIN lanes z ON z.tenant_id = l.tenant_id AND z.id = l.lane_id
        WHERE z.archived_at IS NULL GROUP BY 1, 2, 3, 4 HAVING sum(l.n) <> 0) x;
      PERFORM lane_edges_apply(d.t, d.f, d.o, d.m, d.n);
      RETURN NULL;
    END $fn$;
    -- A lane archived leaves the graph with its legs; restored, it comes back.
    CREATE FUNCTION lanes_edges_archived() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE d record;
    BEGIN
      IF (OLD.archived_at IS NULL) = (NEW.archived_at IS NULL) THEN RETURN NULL; END IF;
      SELECT array_agg(t) AS t, array_agg(f) AS f, array_agg(o) AS o, array_agg(m) AS m, array_agg(n) AS n INTO d FROM (
        SELECT tenant_id AS t, from_node AS f, to_node AS o, mode AS m,
          (CASE WHEN NEW.archived_at IS NULL THEN 1 ELSE -1 END) * count(*)::int AS n
        FROM lane_legs WHERE tenant_id = NEW.tenant_id AND lane_id = NEW.id GROUP BY 1, 2, 3, 4) x;
      PERFORM lane_edges_apply(d.t, d.f, d.o, d.m, d.n);
      RETURN NULL;
    END $fn$;

    CREATE TRIGGER lane_legs_edges_insert AFTER INSERT ON lane_legs
      REFERENCING NEW TABLE AS lane_edges_new FOR EACH STATEMENT EXECUTE FUNCTION lane_legs_edges_added();
    CREATE TRIGGER lane_legs_edges_delete AFTER DELETE ON lane_legs
      REFERENCING OLD TABLE AS lane_edges_old FOR EACH STATEMENT EXECUTE FUNCTION lane_legs_edges_removed();
    CREATE TRIGGER lane_legs_edges_update AFTER UPDATE ON lane_legs
      REFERENCING OLD TABLE AS lane_edges_old NEW TABLE AS lane_edges_new FOR EACH STATEMENT EXECUTE FUNCTION lane_legs_edges_changed();
    CREATE TRIGGER lanes_edges_archive AFTER UPDATE OF archived_at ON lanes FOR EACH ROW EXECUTE FUNCTION lanes_edges_archived();

    INSERT INTO lane_edges (tenant_id, from_node, to_node, mode, legs)
      SELECT l.tenant_id, l.from_node, l.to_node, l.mode, count(*)::int FROM lane_legs l
      JOIN lanes z ON z.tenant_id = l.tenant_id AND z.id = l.lane_id WHERE z.archived_at IS NULL
      GROUP BY 1, 2, 3, 4;

    CREATE INDEX lane_legs_hop ON lane_legs (tenant_id, from_node, to_node, lane_id) INCLUDE (seq, mode, carrier_partner_id);
    DROP INDEX lane_legs_from;
    CREATE INDEX lane_legs_to_lane ON lane_legs (tenant_id, to_node, lane_id);
    DROP INDEX lane_legs_to;
    CREATE INDEX lane_legs_carrier_lane ON lane_legs (tenant_id, carrier_partner_id, lane_id);
    DROP INDEX lane_legs_carrier;
    CREATE INDEX lanes_live_name ON lanes (tenant_id, name, id) WHERE archived_at IS NULL;
    CREATE INDEX lanes_live_id ON lanes (tenant_id, id) INCLUDE (name) WHERE archived_at IS NULL;
    CREATE INDEX lanes_archived ON lanes (tenant_id, id) WHERE archived_at IS NOT NULL;
    CREATE INDEX lane_legs_with_rest ON lane_legs (tenant_id) WHERE at_rest <> '[]'::jsonb;
    CREATE INDEX partner_sites_country ON partner_sites (tenant_id, country_code);
  `.execute(db);
}
