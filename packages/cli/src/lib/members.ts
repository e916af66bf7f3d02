import type { Db } from "@portcullis/server/db/open.ts";
import type { Tx } from "@portcullis/server/db/tx.ts";
import type { Member } from "@portcullis/server/modules/users/users.schema.ts";

/** One user's membership in one company, presented like the API does; null when there is none. */
export async function findMember(options: { tx: Tx | Db["kysely"]; tenantId: string; userId: string }): Promise<Member | null> {
  const { presentMember } = await import("@portcullis/server/modules/users/users.service.ts");
  const row = await options.tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.email", "u.display_name", "m.role", "m.deactivated_at", "u.active", "m.created_at"])
    .where("m.tenant_id", "=", options.tenantId)
    .where("m.user_id", "=", options.userId)
    .executeTakeFirst();
  return row ? presentMember(row) : null;
}

/** Active owners left in a company: a company without one can only be fixed from the CLI. */
export async function countActiveOwners(options: { tx: Tx; tenantId: string }): Promise<number> {
  const row = await options.tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("m.tenant_id", "=", options.tenantId)
    .where("m.role", "=", "owner")
    .where("m.deactivated_at", "is", null)
    .where("u.active", "=", true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
