import { randomUUID } from "node:crypto";
import { appendAuditEvent } from "@portcullis/server/audit/audit.service.ts";
import { AppError } from "@portcullis/server/errors.ts";
import { type Command, Option } from "commander";
import { z } from "zod";
import { DataDirArg, EmailArg, FlagArg, PasswordArg, parseArgs, RoleArg, TenantRefArg, text } from "../lib/args.ts";
import { dataDirOption, jsonOption } from "../lib/command.ts";
import { cliActor, withDatabase, withSystemTx } from "../lib/db.ts";
import { UsageError } from "../lib/errors.ts";
import { findMember } from "../lib/members.ts";
import { printJson, printLine, printNote } from "../lib/output.ts";
import { resolveTenant } from "../lib/tenants.ts";

const Args = z.object({
  email: EmailArg,
  tenant: TenantRefArg,
  role: RoleArg,
  password: PasswordArg.optional(),
  name: text(200).optional(),
  json: FlagArg,
  dataDir: DataDirArg,
});

/** `portcullis user add`: give a person a role in a company, creating their account if needed. */
export function registerUserAdd(user: Command): void {
  user
    .command("add")
    .description("add a person to a company with a role; creates the account when the e-mail is new")
    .requiredOption("--email <email>", "the person's e-mail (sign-in name)")
    .requiredOption("--tenant <tenant>", "the company: tenant id or exact legal name")
    .requiredOption("--role <role>", "owner, admin, security-manager, analyst, inspector, trainer, auditor or partner")
    .addOption(new Option("--password <password>", "initial password for a new account, 12+ characters").env("PORTCULLIS_USER_PASSWORD"))
    .option("--name <name>", "display name for a new account (default: the e-mail's local part)")
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .addHelpText(
      "after",
      "\nAn existing account keeps its password and name. A deactivated membership is reactivated with the new role.\n" +
        "Prefer PORTCULLIS_USER_PASSWORD over --password: the command line is visible to other local users.",
    )
    .action(async (raw: unknown, command: Command) => {
      await runUserAdd(parseArgs({ schema: Args, raw, command }));
    });
}

async function runUserAdd(args: z.output<typeof Args>): Promise<void> {
  // Hash outside the transaction: argon2 is deliberately slow and must not hold row locks.
  const { hashPassword } = await import("@portcullis/server/auth/crypto.ts");
  const passwordHash = args.password ? await hashPassword(args.password) : undefined;
  const actor = cliActor();
  const result = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis user add" }, async ({ db }) => {
    const tenant = await resolveTenant({ db: db.kysely, ref: args.tenant });
    return withSystemTx(db.kysely, async (tx) => {
      let user = await tx.selectFrom("users").select(["id", "active"]).where("email", "=", args.email).executeTakeFirst();
      const created = !user;
      if (!user) {
        if (!passwordHash) {
          throw new UsageError(`--password is required: ${args.email} has no account yet (12+ characters)`);
        }
        user = { id: randomUUID(), active: true };
        const displayName = args.name ?? args.email.split("@")[0] ?? args.email;
        await tx
          .insertInto("users")
          .values({ id: user.id, email: args.email, display_name: displayName, password_hash: passwordHash, locale: "en" })
          .execute();
      }
      const before = await findMember({ tx, tenantId: tenant.id, userId: user.id });
      const membership = await tx
        .selectFrom("memberships")
        .select(["role", "deactivated_at"])
        .where("tenant_id", "=", tenant.id)
        .where("user_id", "=", user.id)
        .executeTakeFirst();
      if (membership && membership.deactivated_at !== null) {
        // Deactivated here earlier: bring the membership back with the requested role.
        await tx
          .updateTable("memberships")
          .set({ role: args.role, deactivated_at: null })
          .where("tenant_id", "=", tenant.id)
          .where("user_id", "=", user.id)
          .execute();
      } else if (membership) {
        throw new AppError("conflict", `${args.email} is already a member of "${tenant.legalName}" (role ${membership.role})`);
      } else {
        await tx.insertInto("memberships").values({ tenant_id: tenant.id, user_id: user.id, role: args.role }).execute();
      }
      const after = await findMember({ tx, tenantId: tenant.id, userId: user.id });
      await appendAuditEvent(tx, {
        tenantId: tenant.id,
        actor,
        action: before ? "user.reactivate" : "user.add",
        entityType: "user",
        entityId: user.id,
        before,
        after,
      });
      return { tenant, userId: user.id, created, reactivated: Boolean(before), accountActive: user.active };
    });
  });
  if (!result.created && (args.password || args.name)) {
    printNote(`note: ${args.email} already has an account; it keeps its password and name`);
  }
  if (!result.accountActive) {
    printNote(`warning: the account ${args.email} is deactivated; the membership exists but they cannot sign in`);
  }
  if (args.json) {
    printJson({ userId: result.userId, email: args.email, tenantId: result.tenant.id, role: args.role, created: result.created });
    return;
  }
  const how = result.created ? "new account" : result.reactivated ? "membership reactivated" : "existing account";
  printLine(`Added ${args.email} to "${result.tenant.legalName}" as ${args.role} (${how}, user ${result.userId}).`);
}
