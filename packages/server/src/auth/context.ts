import type { Role } from "@portcullis/domain";
import type { Actor } from "../audit/audit.service.ts";

/** The caller of a request once authenticated. */
export interface AuthContext {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  /** Current tenant; null for a user with no active membership. */
  tenantId: string | null;
  role: Role | null;
  via: "session" | "token";
  sessionHash?: string;
  csrfToken?: string;
  tokenId?: string;
}

/** The audit actor for an authenticated caller. */
export function actorOf(auth: AuthContext): Actor {
  return { id: auth.userId, label: auth.via === "token" ? `${auth.email} (API token)` : auth.email };
}
