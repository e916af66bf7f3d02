import type { Migration } from "kysely";
import * as foundation from "./20261128000000_foundation.ts";
import * as rlsSessionsJobs from "./20261129000000_rls_sessions_jobs.ts";
import * as securityProfile from "./20261130000000_security_profile.ts";
import * as profileNaRequestedBy from "./20261130001900_profile_na_requested_by.ts";
import * as partners from "./20261201000000_partners.ts";
import * as laneEdges from "./20261201001200_lane_edges.ts";

/**
 * Every migration, by timestamped name. Forward-only: never edit or remove an entry that has shipped;
 * add a new file and list it here.
 */
export const migrations: Record<string, Migration> = {
  "20261128000000_foundation": foundation,
  "20261129000000_rls_sessions_jobs": rlsSessionsJobs,
  "20261130000000_security_profile": securityProfile,
  "20261130001900_profile_na_requested_by": profileNaRequestedBy,
  "20261201000000_partners": partners,
  "20261201001200_lane_edges": laneEdges,
};
