import type { Command } from "commander";
import { z } from "zod";
import { DataDirArg, FlagArg, parseArgs, TenantRefArg } from "../lib/args.ts";
import { dataDirOption, jsonOption } from "../lib/command.ts";
import { withDatabase } from "../lib/db.ts";
import { printJson, printLine } from "../lib/output.ts";
import { resolveTenant } from "../lib/tenants.ts";
import { listTenantTokens } from "../lib/tokens.ts";

const Args = z.object({ tenant: TenantRefArg, json: FlagArg, dataDir: DataDirArg });

/** `portcullis token list`: a company's API tokens (never the tokens themselves). */
export function registerTokenList(token: Command): void {
  token
    .command("list")
    .description("list a company's API tokens: id, name, prefix, owner and status")
    .requiredOption("--tenant <tenant>", "the company: tenant id or exact legal name")
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action(async (raw: unknown, command: Command) => {
      await runTokenList(parseArgs({ schema: Args, raw, command }));
    });
}

async function runTokenList(args: z.output<typeof Args>): Promise<void> {
  const { tenant, items } = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis token list" }, async ({ db }) => {
    const tenant = await resolveTenant({ db: db.kysely, ref: args.tenant });
    return { tenant, items: await listTenantTokens({ db: db.kysely, tenantId: tenant.id }) };
  });
  if (args.json) {
    printJson({ tenantId: tenant.id, items });
    return;
  }
  if (items.length === 0) {
    printLine(`"${tenant.legalName}" has no API tokens.`);
    return;
  }
  for (const t of items) {
    printLine(`${t.id}  ${t.prefix}…  ${t.status.padEnd(7)}  ${t.userEmail}  "${t.name}"  created ${t.createdAt}`);
  }
}
