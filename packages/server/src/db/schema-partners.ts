import type { ColumnType, Generated, Selectable } from "kysely";

/** Tables of business partners and the supply chain (migration 20261201000000_partners). Dates are YYYY-MM-DD strings. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface PartnersTable {
  id: string;
  tenant_id: string;
  external_key: string | null;
  name: string;
  legal_name: string | null;
  type: string;
  country_code: string;
  address: string | null;
  website: string | null;
  status: Generated<string>;
  risk_level: Generated<string>;
  vulnerability_score: number | null;
  rescreen_due_on: string | null;
  questionnaire_waived_at: Timestamp | null;
  questionnaire_waiver_reason: string | null;
  notes: string | null;
  archived_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PartnerStatusHistoryTable {
  id: string;
  tenant_id: string;
  partner_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor_id: string | null;
  at: Generated<Date>;
}

export interface PartnerSitesTable {
  id: string;
  tenant_id: string;
  partner_id: string;
  external_key: string | null;
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

export interface PartnerContactsTable {
  id: string;
  tenant_id: string;
  partner_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
  position: Generated<number>;
}

export interface PartnerIdentifiersTable {
  tenant_id: string;
  partner_id: string;
  kind: string;
  value: string;
}

export interface PartnerCertificationsTable {
  id: string;
  tenant_id: string;
  partner_id: string;
  /** "ctpat" or an MRA program id from @portcullis/domain (e.g. "mx-oea"). */
  program: string;
  certificate_id: string | null;
  status: Generated<string>;
  valid_from: string | null;
  valid_to: string | null;
  last_verified_on: string | null;
  next_verification_on: string | null;
  evidence_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PartnerScreeningsTable {
  id: string;
  tenant_id: string;
  partner_id: string;
  kind: string;
  result: string;
  indicators: TextArray;
  notes: string | null;
  performed_by: string | null;
  performed_on: string;
  created_at: Generated<Date>;
}

export interface PartnerRelationsTable {
  tenant_id: string;
  supplier_id: string;
  customer_id: string;
  kind: Generated<string>;
  created_at: Generated<Date>;
}

export interface ScreeningListsTable {
  id: string;
  tenant_id: string;
  name: string;
  source: string;
  format: string;
  filename: string | null;
  sha256: string;
  entry_count: number;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

export interface ScreeningEntriesTable {
  id: string;
  tenant_id: string;
  list_id: string;
  external_id: string | null;
  name: string;
  alt_names: TextArray;
  normalized: string;
  addresses: TextArray;
  country_codes: TextArray;
  programs: TextArray;
  remarks: string | null;
}

export interface ScreeningMatchesTable {
  id: string;
  tenant_id: string;
  partner_id: string;
  entry_id: string;
  score: number;
  matched_on: string;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  note: string | null;
  created_at: Generated<Date>;
}

export interface LanesTable {
  id: string;
  tenant_id: string;
  external_key: string | null;
  name: string;
  description: string | null;
  archived_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LaneLegsTable {
  tenant_id: string;
  lane_id: string;
  seq: number;
  /** "site:<uuid>", "partner-site:<uuid>" or "port:<location code>". */
  from_node: string;
  to_node: string;
  mode: string;
  carrier_partner_id: string | null;
  at_rest: Generated<Json>;
}

export interface QuestionnairesTable {
  id: string;
  tenant_id: string;
  partner_id: string;
  entity_type: string;
  status: Generated<string>;
  lang: Generated<string>;
  due_on: string | null;
  round: Generated<number>;
  score: number | null;
  created_by: string | null;
  created_at: Generated<Date>;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface QuestionnaireAnswersTable {
  tenant_id: string;
  questionnaire_id: string;
  criterion_id: string;
  round: number;
  answer: string | null;
  comment: string | null;
  evidence_ids: TextArray;
  review: string | null;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface QuestionnaireInvitationsTable {
  id: string;
  tenant_id: string;
  questionnaire_id: string;
  token_hash: string;
  email: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PartnerSessionsTable {
  id_hash: string;
  tenant_id: string;
  questionnaire_id: string;
  invitation_id: string;
  csrf_token: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  created_at: Generated<Date>;
}

/** The partner and supply-chain tables, merged into Database in schema.ts. */
export interface PartnerTables {
  partners: PartnersTable;
  partner_status_history: PartnerStatusHistoryTable;
  partner_sites: PartnerSitesTable;
  partner_contacts: PartnerContactsTable;
  partner_identifiers: PartnerIdentifiersTable;
  partner_certifications: PartnerCertificationsTable;
  partner_screenings: PartnerScreeningsTable;
  partner_relations: PartnerRelationsTable;
  screening_lists: ScreeningListsTable;
  screening_entries: ScreeningEntriesTable;
  screening_matches: ScreeningMatchesTable;
  lanes: LanesTable;
  lane_legs: LaneLegsTable;
  questionnaires: QuestionnairesTable;
  questionnaire_answers: QuestionnaireAnswersTable;
  questionnaire_invitations: QuestionnaireInvitationsTable;
  partner_sessions: PartnerSessionsTable;
}

export type PartnerRow = Selectable<PartnersTable>;
export type PartnerSiteRow = Selectable<PartnerSitesTable>;
export type PartnerCertificationRow = Selectable<PartnerCertificationsTable>;
export type LaneRow = Selectable<LanesTable>;
export type LaneLegRow = Selectable<LaneLegsTable>;
export type QuestionnaireRow = Selectable<QuestionnairesTable>;
