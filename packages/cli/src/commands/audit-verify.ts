import type { Command } from "commander";
import { z } from "zod";
import { DataDirArg, FlagArg, PathArg, parseArgs, TenantRefArg } from "../lib/args.ts";
import { dataDirOption, jsonOption, setExitCode } from "../lib/command.ts";
import { withDatabase } from "../lib/db.ts";
import { EXIT } from "../lib/errors.ts";
import { printJson } from "../lib/output.ts";
import { resolveTenant } from "../lib/tenants.ts";
import { printReports, readCheckpointFile, verifyChains } from "../lib/verify.ts";

const Args = z.object({ tenant: TenantRefArg.optional(), checkpoint: PathArg.optional(), json: FlagArg, dataDir: DataDirArg });

/** `portcullis audit verify`: recompute every audit hash chain and check it against its signed checkpoints. */
export function registerAuditVerify(audit: Command): void {
  audit
    .command("verify")
    .description("verify the audit hash chain of every company (or one); exit 3 when any is broken")
    .option("--tenant <tenant>", "only this company: tenant id or exact legal name")
    .option("--checkpoint <file>", "also check against checkpoints exported by 'portcullis audit checkpoint' (detects removed events)")
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .addHelpText("after", "\nExit codes: 0 all intact, 1 could not verify, 2 bad arguments, 3 at least one chain is broken.")
    .action(async (raw: unknown, command: Command) => {
      setExitCode(command, await runAuditVerify(parseArgs({ schema: Args, raw, command })));
    });
}

async function runAuditVerify(args: z.output<typeof Args>): Promise<number> {
  // Read the file first: a bad file is an argument error and should not cost a database open.
  const checkpoints = args.checkpoint ? readCheckpointFile({ file: args.checkpoint }) : [];
  const reports = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis audit verify" }, async ({ db, config }) => {
    const tenants = args.tenant ? [await resolveTenant({ db: db.kysely, ref: args.tenant })] : null;
    return verifyChains({ db, config, tenants, checkpoints });
  });
  const ok = reports.every((r) => r.ok);
  if (args.json) {
    printJson({ ok, tenants: reports });
  } else {
    printReports({ reports });
  }
  return ok ? EXIT.ok : EXIT.chainBroken;
}
