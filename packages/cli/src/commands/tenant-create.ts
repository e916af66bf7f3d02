import { type Command, Option } from "commander";
import { z } from "zod";
import { DataDirArg, EmailArg, EntityTypesArg, FlagArg, PasswordArg, parseArgs, text } from "../lib/args.ts";
import { collect, dataDirOption, jsonOption } from "../lib/command.ts";
import { cliActor, withDatabase } from "../lib/db.ts";
import { UsageError } from "../lib/errors.ts";
import { printJson, printLine, printNote } from "../lib/output.ts";

const Args = z.object({
  name: text(300),
  entityType: EntityTypesArg,
  adminEmail: EmailArg,
  adminPassword: PasswordArg.optional(),
  adminName: text(200).optional(),
  json: FlagArg,
  dataDir: DataDirArg,
});

/** `portcullis tenant create`: a company with its first owner. */
export function registerTenantCreate(tenant: Command): void {
  tenant
    .command("create")
    .description("create a company and its owner account (an existing account is reused)")
    .requiredOption("--name <legal name>", "the company's legal name")
    .requiredOption("--entity-type <slug>", "CTPAT entity type; repeat or comma-separate for several (e.g. importer,3pl)", collect)
    .requiredOption("--admin-email <email>", "the owner's e-mail (sign-in name)")
    .addOption(
      new Option("--admin-password <password>", "the owner's password, 12+ characters; required for a new account").env(
        "PORTCULLIS_ADMIN_PASSWORD",
      ),
    )
    .option("--admin-name <name>", "the owner's display name (default: the e-mail's local part)")
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .addHelpText("after", "\nPrefer PORTCULLIS_ADMIN_PASSWORD over --admin-password: the command line is visible to other local users.")
    .action(async (raw: unknown, command: Command) => {
      const args = parseArgs({ schema: Args, raw, command });
      await runTenantCreate(args);
    });
}

/** Create the company; print its ids. */
async function runTenantCreate(args: z.output<typeof Args>): Promise<void> {
  const { createTenant } = await import("@portcullis/server/modules/tenants/tenants.service.ts");
  const result = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis tenant create" }, async ({ db }) => {
    // Checked before any write: a new account without a password is an argument problem, not a half-made company.
    const existing = await db.kysely.selectFrom("users").select("id").where("email", "=", args.adminEmail).executeTakeFirst();
    if (!existing && !args.adminPassword) {
      throw new UsageError(`--admin-password is required: ${args.adminEmail} has no account yet (12+ characters)`);
    }
    if (existing && (args.adminPassword || args.adminName)) {
      printNote(`note: ${args.adminEmail} already has an account; it keeps its password and name`);
    }
    const { tenant, ownerUserId } = await createTenant({
      db: db.kysely,
      input: { legalName: args.name, entityTypes: args.entityType },
      owner: existing
        ? { userId: existing.id }
        : { email: args.adminEmail, password: args.adminPassword, ...(args.adminName ? { displayName: args.adminName } : {}) },
      actor: cliActor(),
    });
    return { tenant, ownerUserId, reused: Boolean(existing) };
  });
  if (args.json) {
    printJson({
      tenantId: result.tenant.id,
      legalName: result.tenant.legalName,
      adminUserId: result.ownerUserId,
      adminEmail: args.adminEmail,
    });
    return;
  }
  const account = result.reused ? "existing account" : "new account";
  printLine(
    `Created company "${result.tenant.legalName}" (tenant ${result.tenant.id}) with owner ${args.adminEmail} (${account}, user ${result.ownerUserId}).`,
  );
}
