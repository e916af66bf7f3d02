/**
 * Hand-written API types for the Portcullis HTTP API. They mirror the server contract until the
 * OpenAPI types are generated into ./schema.d.ts.
 */
import type { CtpatStatus, CtpatTier, EntityType, Role, SiteKind } from "../lib/constants";

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
}

export interface Membership {
  tenantId: string;
  legalName: string;
  role: Role;
}

export interface Session {
  user: SessionUser;
  tenant: { id: string; legalName: string } | null;
  role: Role | null;
  memberships: Membership[];
  csrfToken: string | null;
  /** How the caller authenticated (the web app always uses a session). */
  via?: "session" | "token";
}

export interface Tenant {
  id: string;
  legalName: string;
  entityTypes: EntityType[];
  ctpatAccountNumber: string | null;
  ctpatStatus: CtpatStatus;
  ctpatTier: CtpatTier | null;
  certifiedOn: string | null;
  lastValidatedOn: string | null;
  anniversaryDate: string | null;
  countryCode: string | null;
  createdAt: string;
  updatedAt: string;
}

export type TenantPatch = Partial<Omit<Tenant, "id" | "createdAt" | "updatedAt">>;

/** Body of POST /tenants: another company, owned by the caller. */
export interface NewTenantInput {
  legalName: string;
  entityTypes: EntityType[];
  countryCode?: string;
}

export interface Site {
  id: string;
  name: string;
  kind: SiteKind;
  countryCode: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SiteInput {
  name: string;
  kind: SiteKind;
  countryCode: string;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Member {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

export interface MemberInput {
  email: string;
  displayName: string;
  role: Role;
  password?: string;
}

export interface MemberPatch {
  role?: Role;
  active?: boolean;
  displayName?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  userEmail: string;
}

export interface CreatedToken {
  token: string;
  item: ApiToken;
}

export interface AuditEvent {
  id: string;
  seq: number;
  actor: { id: string | null; label: string };
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  occurredAt: string;
  hash: string;
}

export interface AuditEventsPage {
  items: AuditEvent[];
  nextBefore: number | null;
}

export interface ChainBreak {
  kind: string;
  seq?: number;
  eventId?: string;
  expectedSeq?: number;
  foundSeq?: number;
  detail?: string;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  headSeq: number;
  checkpointsChecked: number;
  break: ChainBreak | null;
}

export interface Checkpoint {
  id: string;
  seq: number;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

export interface PublicKey {
  keyId: string;
  publicKeyPem: string;
}

export interface Health {
  status: "ok";
  database: "embedded" | "postgres";
  version: string;
}
