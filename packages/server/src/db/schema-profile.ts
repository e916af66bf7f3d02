import type { ColumnType, Generated, Selectable } from "kysely";

/** Tables of the Security Profile (migration 20261130000000_security_profile). Dates are YYYY-MM-DD strings. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface EvidenceItemsTable {
  id: string;
  tenant_id: string;
  title: string;
  description: string | null;
  category: Generated<string>;
  current_version: Generated<number>;
  effective_on: string | null;
  expires_on: string | null;
  remind_days: Generated<number>;
  archived_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EvidenceVersionsTable {
  id: string;
  tenant_id: string;
  evidence_id: string;
  version: number;
  sha256: string;
  size_bytes: number;
  media_type: string;
  filename: string;
  note: string | null;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}

export interface EvidenceLinksTable {
  tenant_id: string;
  evidence_id: string;
  /** "criterion" (target_id = MSC ID), "procedure", "framework-control", and later record types. */
  target_type: string;
  target_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ProfileItemsTable {
  tenant_id: string;
  criterion_id: string;
  status: string;
  narrative: string | null;
  owner_user_id: string | null;
  na_justification: string | null;
  na_approved_by: string | null;
  na_approved_at: Timestamp | null;
  /** Who last set the status to not_applicable or changed its justification (four eyes). */
  na_requested_by: string | null;
  last_reviewed_on: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface ProceduresTable {
  id: string;
  tenant_id: string;
  code: string;
  title: string;
  owner_user_id: string | null;
  review_interval_months: number | null;
  next_review_on: string | null;
  requires_ack: Generated<boolean>;
  archived_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProcedureVersionsTable {
  id: string;
  tenant_id: string;
  procedure_id: string;
  version: number;
  status: string;
  body: string;
  change_note: string | null;
  author_id: string | null;
  submitted_at: Timestamp | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface ProcedureCriteriaTable {
  tenant_id: string;
  procedure_id: string;
  criterion_id: string;
}

export interface ProcedureAcksTable {
  tenant_id: string;
  procedure_version_id: string;
  user_id: string;
  acknowledged_at: Generated<Date>;
}

export interface ProfileReviewsTable {
  id: string;
  tenant_id: string;
  anniversary_on: string;
  opens_on: string;
  status: string;
  version: number | null;
  snapshot: Json | null;
  snapshot_hash: string | null;
  signed_by: string | null;
  signed_at: Timestamp | null;
  signoff_note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ProfileReviewTasksTable {
  tenant_id: string;
  review_id: string;
  category_id: number;
  owner_user_id: string | null;
  status: Generated<string>;
  note: string | null;
  completed_by: string | null;
  completed_at: Timestamp | null;
}

export interface FrameworksTable {
  id: string;
  tenant_id: string;
  name: string;
  version: Generated<string>;
  description: string | null;
  source_filename: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  archived_at: Timestamp | null;
}

export interface FrameworkControlsTable {
  id: string;
  tenant_id: string;
  framework_id: string;
  ref: string;
  title: string;
  description: string | null;
  status: string | null;
  position: number;
}

export interface FrameworkMappingsTable {
  tenant_id: string;
  control_id: string;
  criterion_id: string;
  relation: string;
}

export interface NotificationsTable {
  id: string;
  tenant_id: string;
  user_id: string | null;
  kind: string;
  subject_type: string;
  subject_id: string;
  params: Generated<Json>;
  due_on: string | null;
  dedupe_key: string;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

/** The Security Profile's tables, merged into Database in schema.ts. */
export interface ProfileTables {
  evidence_items: EvidenceItemsTable;
  evidence_versions: EvidenceVersionsTable;
  evidence_links: EvidenceLinksTable;
  profile_items: ProfileItemsTable;
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  procedure_criteria: ProcedureCriteriaTable;
  procedure_acks: ProcedureAcksTable;
  profile_reviews: ProfileReviewsTable;
  profile_review_tasks: ProfileReviewTasksTable;
  frameworks: FrameworksTable;
  framework_controls: FrameworkControlsTable;
  framework_mappings: FrameworkMappingsTable;
  notifications: NotificationsTable;
}

export type EvidenceItemRow = Selectable<EvidenceItemsTable>;
export type EvidenceVersionRow = Selectable<EvidenceVersionsTable>;
export type ProfileItemRow = Selectable<ProfileItemsTable>;
export type ProcedureRow = Selectable<ProceduresTable>;
export type ProcedureVersionRow = Selectable<ProcedureVersionsTable>;
export type ProfileReviewRow = Selectable<ProfileReviewsTable>;
export type FrameworkRow = Selectable<FrameworksTable>;
export type FrameworkControlRow = Selectable<FrameworkControlsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
