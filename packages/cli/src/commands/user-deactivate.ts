import { appendAuditEvent } from "@portcullis/server/audit/audit.service.ts";
import type { Tx } from "@portcullis/server/db/tx.ts";
import { AppError } from "@portcullis/server/errors.ts";
import type { Command } from "commander";
import { z } from "zod";
import { DataDirArg, EmailArg, parseArgs, TenantRefArg } from "../lib/args.ts";
import { dataDirOption } from "../lib/command.ts";
import { cliActor, withDatabase, withSystemTx } from "../lib/db.ts";
import { countActiveOwners, findMember } from "../lib/members.ts";
import { plural, printLine, printNote } from "../lib/output.ts";
import { resolveTenant, type TenantRef } from "../lib/tenants.ts";

const Args = z.object({ email: EmailArg, tenant: TenantRefArg.optional(), dataDir: DataDirArg });

/** What a deactivation changed. */
interface Deactivation {
  userId: string;
  changed: boolean;
  sessions: number;
  tokens: number;
  /** Companies whose audit trail recorded it. */
  tenants: TenantRef[];
  /** Companies left without an active owner. */
  ownerless: TenantRef[];
}

/** `portcullis user deactivate`: lock a person out of one company, or out of Portcullis altogether. */
export function registerUserDeactivate(user: Command): void {
  user
    .command("deactivate")
    .description("deactivate a person in one company (--tenant) or everywhere, ending their sessions and tokens at once")
    .requiredOption("--email <email>", "the person's e-mail")
    .option("--tenant <tenant>", "only this company (tenant id or exact legal name); without it the whole account")
    .addOption(dataDirOption())
    .action(async (raw: unknown, command: Command) => {
      await runUserDeactivate(parseArgs({ schema: Args, raw, command }));
    });
}

async function runUserDeactivate(args: z.output<typeof Args>): Promise<void> {
  const actor = cliActor();
  const result = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis user deactivate" }, async ({ db }) => {
    const tenant = args.tenant ? await resolveTenant({ db: db.kysely, ref: args.tenant }) : null;
    return withSystemTx(db.kysely, async (tx): Promise<Deactivation> => {
      const user = await tx.selectFrom("users").select(["id", "active"]).where("email", "=", args.email).executeTakeFirst();
      if (!user) {
        throw new AppError("not_found", `no account with e-mail ${args.email}`);
      }
      const memberships = await tx
        .selectFrom("memberships as m")
        .innerJoin("tenants as t", "t.id", "m.tenant_id")
        .select(["t.id", "t.legal_name as legalName", "m.deactivated_at"])
        .where("m.user_id", "=", user.id)
        .$if(tenant !== null, (q) => q.where("m.tenant_id", "=", tenant?.id ?? ""))
        .execute();
      if (tenant && memberships.length === 0) {
        throw new AppError("not_found", `${args.email} is not a member of "${tenant.legalName}"`);
      }
      const alreadyOff = tenant ? memberships[0]?.deactivated_at !== null : !user.active;
      const befores = new Map<string, unknown>();
      for (const m of memberships) {
        befores.set(m.id, await findMember({ tx, tenantId: m.id, userId: user.id }));
      }
      const now = new Date();
      if (tenant) {
        await tx
          .updateTable("memberships")
          .set({ deactivated_at: now })
          .where("tenant_id", "=", tenant.id)
          .where("user_id", "=", user.id)
          .where("deactivated_at", "is", null)
          .execute();
      } else {
        await tx.updateTable("users").set({ active: false, updated_at: now }).where("id", "=", user.id).execute();
      }
      // Revoke even when already deactivated: a leftover credential must not outlive the decision.
      const { sessions, tokens } = await revokeCredentials({ tx, userId: user.id, tenantId: tenant?.id ?? null, at: now });
      const changed = !alreadyOff || sessions > 0 || tokens > 0;
      const recorded: TenantRef[] = [];
      const ownerless: TenantRef[] = [];
      if (changed) {
        for (const m of memberships) {
          const ref = { id: m.id, legalName: m.legalName };
          await appendAuditEvent(tx, {
            tenantId: m.id,
            actor,
            action: "user.deactivate",
            entityType: "user",
            entityId: user.id,
            before: befores.get(m.id),
            after: await findMember({ tx, tenantId: m.id, userId: user.id }),
          });
          recorded.push(ref);
          if ((await countActiveOwners({ tx, tenantId: m.id })) === 0) {
            ownerless.push(ref);
          }
        }
      }
      return { userId: user.id, changed, sessions, tokens, tenants: recorded, ownerless };
    });
  });
  const where = args.tenant ? `in "${result.tenants[0]?.legalName ?? args.tenant}"` : "everywhere";
  if (!result.changed) {
    printLine(`${args.email} is already deactivated ${where}; nothing to do.`);
    return;
  }
  printLine(
    `Deactivated ${args.email} ${where}: ${plural(result.sessions, "session")} and ${plural(result.tokens, "API token")} revoked; ` +
      `recorded in ${plural(result.tenants.length, "audit trail")}.`,
  );
  for (const t of result.ownerless) {
    printNote(
      `warning: "${t.legalName}" has no active owner left; add one with: portcullis user add --tenant ${t.id} --role owner --email …`,
    );
  }
}

/** End the user's sessions and API tokens, in one company or all of them; returns how many. */
async function revokeCredentials(options: { tx: Tx; userId: string; tenantId: string | null; at: Date }) {
  const { tx, userId, tenantId, at } = options;
  const sessions = await tx
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", at)
    .$if(tenantId !== null, (q) => q.where("tenant_id", "=", tenantId ?? ""))
    .executeTakeFirst();
  // Expired tokens are revoked too (harmless) but the count only reports live ones.
  const tokens = await tx
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .$if(tenantId !== null, (q) => q.where("tenant_id", "=", tenantId ?? ""))
    .executeTakeFirst();
  return { sessions: Number(sessions.numUpdatedRows), tokens: Number(tokens.numUpdatedRows) };
}
