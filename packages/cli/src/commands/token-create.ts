import { AppError } from "@portcullis/server/errors.ts";
import type { Command } from "commander";
import { z } from "zod";
import { DataDirArg, DaysArg, EmailArg, FlagArg, parseArgs, TenantRefArg, text } from "../lib/args.ts";
import { dataDirOption, jsonOption } from "../lib/command.ts";
import { cliActor, withDatabase } from "../lib/db.ts";
import { printJson, printLine, printNote } from "../lib/output.ts";
import { resolveTenant } from "../lib/tenants.ts";

const Args = z.object({
  email: EmailArg,
  tenant: TenantRefArg,
  name: text(100).default("cli"),
  expiresDays: DaysArg.optional(),
  json: FlagArg,
  dataDir: DataDirArg,
});

/** `portcullis token create`: an API token for one member of one company. */
export function registerTokenCreate(token: Command): void {
  token
    .command("create")
    .description("issue an API token for a member of a company; it is printed once and only its hash is kept")
    .requiredOption("--email <email>", "the member the token acts as")
    .requiredOption("--tenant <tenant>", "the company: tenant id or exact legal name")
    .option("--name <name>", 'what the token is for (default "cli")')
    .option("--expires-days <days>", "expire after this many days (default: never)")
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .addHelpText(
      "after",
      "\nWithout --json the token alone goes to stdout (e.g. TOKEN=$(portcullis token create …)) and the rest to stderr.",
    )
    .action(async (raw: unknown, command: Command) => {
      await runTokenCreate(parseArgs({ schema: Args, raw, command }));
    });
}

async function runTokenCreate(args: z.output<typeof Args>): Promise<void> {
  const { createToken } = await import("@portcullis/server/modules/tokens/tokens.service.ts");
  const result = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis token create" }, async ({ db }) => {
    const tenant = await resolveTenant({ db: db.kysely, ref: args.tenant });
    const member = await db.kysely
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.id"])
      .where("m.tenant_id", "=", tenant.id)
      .where("u.email", "=", args.email)
      .where("m.deactivated_at", "is", null)
      .where("u.active", "=", true)
      .executeTakeFirst();
    if (!member) {
      throw new AppError("not_found", `${args.email} is not an active member of "${tenant.legalName}"`);
    }
    const created = await createToken({
      db: db.kysely,
      tenantId: tenant.id,
      userId: member.id,
      actor: cliActor(),
      input: { name: args.name, ...(args.expiresDays ? { expiresInDays: args.expiresDays } : {}) },
    });
    return { ...created, tenant };
  });
  if (args.json) {
    printJson({ token: result.token, id: result.item.id, tenantId: result.tenant.id, email: args.email });
    return;
  }
  const expiry = result.item.expiresAt ? `expires ${result.item.expiresAt}` : "does not expire";
  printNote(`API token "${result.item.name}" (id ${result.item.id}) for ${args.email} in "${result.tenant.legalName}"; ${expiry}.`);
  printNote("It is shown only this once: store it now. Use it as: Authorization: Bearer <token>");
  printLine(result.token);
}
