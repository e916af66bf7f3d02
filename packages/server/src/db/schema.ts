import type { ColumnType, Generated, Selectable } from "kysely";
import type { PartnerTables } from "./schema-partners.ts";
import type { ProfileTables } from "./schema-profile.ts";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface TenantsTable {
  id: string;
  legal_name: string;
  entity_types: string[];
  ctpat_account_number: string | null;
  ctpat_status: string;
  ctpat_tier: string | null;
  certified_on: string | null;
  last_validated_on: string | null;
  anniversary_date: string | null;
  country_code: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  locale: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MembershipsTable {
  tenant_id: string;
  user_id: string;
  role: string;
  deactivated_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  tenant_id: string | null;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Generated<Date>;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  ip: string;
  email: string;
  at: Generated<Date>;
}

export interface SitesTable {
  id: string;
  tenant_id: string;
  name: string;
  kind: string;
  country_code: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  archived_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AuditEventsTable {
  id: string;
  tenant_id: string;
  seq: ColumnType<number, number, number>;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  occurred_at: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadsTable {
  tenant_id: string;
  seq: ColumnType<number, number, number>;
  hash: string;
}

export interface AuditCheckpointsTable {
  id: string;
  tenant_id: string;
  seq: ColumnType<number, number, number>;
  hash: string;
  signed_at: string;
  key_id: string;
  signature: string;
}

export interface JobsTable {
  id: string;
  name: string;
  payload: Json;
  tenant_id: string | null;
  status: Generated<string>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  locked_by: string | null;
  locked_until: Timestamp | null;
  singleton_key: string | null;
  created_at: Generated<Date>;
  finished_at: Timestamp | null;
}

/** Every table Portcullis owns, for Kysely's type checking. */
export interface Database extends ProfileTables, PartnerTables {
  tenants: TenantsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  sites: SitesTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  audit_checkpoints: AuditCheckpointsTable;
  jobs: JobsTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type UserRow = Selectable<UsersTable>;
export type SiteRow = Selectable<SitesTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
