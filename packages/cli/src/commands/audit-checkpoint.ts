import { type Checkpoint, createCheckpoint } from "@portcullis/server/audit/audit.service.ts";
import { loadOrCreateSigningKey } from "@portcullis/server/audit/keys.ts";
import type { Command } from "commander";
import { z } from "zod";
import { DataDirArg, PathArg, parseArgs, TenantRefArg } from "../lib/args.ts";
import { dataDirOption } from "../lib/command.ts";
import { cliActor, withDatabase, withSystemTx } from "../lib/db.ts";
import { writeFileAtomic } from "../lib/files.ts";
import { printJson, printLine } from "../lib/output.ts";
import { resolveTenant } from "../lib/tenants.ts";

const Args = z.object({ tenant: TenantRefArg.optional(), out: PathArg.optional(), dataDir: DataDirArg });

/** `portcullis audit checkpoint`: sign every chain head and export the checkpoints. */
export function registerAuditCheckpoint(audit: Command): void {
  audit
    .command("checkpoint")
    .description("sign the current head of every company's audit chain (or one) and export the checkpoints as JSON")
    .option("--tenant <tenant>", "only this company: tenant id or exact legal name")
    .option("--out <file>", "write the checkpoints to this file (default: stdout)")
    .addOption(dataDirOption())
    .addHelpText(
      "after",
      "\nKeep the file where the database's administrators cannot change it; later, " +
        "'portcullis audit verify --checkpoint <file>' detects events removed from the end of a chain.",
    )
    .action(async (raw: unknown, command: Command) => {
      await runAuditCheckpoint(parseArgs({ schema: Args, raw, command }));
    });
}

async function runAuditCheckpoint(args: z.output<typeof Args>): Promise<void> {
  const actor = cliActor();
  const items = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis audit checkpoint" }, async ({ db, config }) => {
    const key = loadOrCreateSigningKey(config.keyDir);
    const tenants = args.tenant
      ? [await resolveTenant({ db: db.kysely, ref: args.tenant })]
      : await db.kysely.selectFrom("tenants").select(["id", "legal_name as legalName"]).orderBy("legal_name").orderBy("id").execute();
    const out: Checkpoint[] = [];
    for (const tenant of tenants) {
      // One transaction per company: each chain's head lock is held only for its own checkpoint.
      out.push(await withSystemTx(db.kysely, (tx) => createCheckpoint({ tx, tenantId: tenant.id, key, actor })));
    }
    return out;
  });
  if (!args.out) {
    printJson({ items });
    return;
  }
  writeFileAtomic({ file: args.out, data: `${JSON.stringify({ items }, null, 2)}\n` });
  printLine(`Wrote ${items.length} checkpoint${items.length === 1 ? "" : "s"} to ${args.out}.`);
}
