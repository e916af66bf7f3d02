import { ConfigError } from "@portcullis/server/config.ts";
import { AppError } from "@portcullis/server/errors.ts";
import { CommanderError } from "commander";
import { registerAuditCheckpoint } from "./commands/audit-checkpoint.ts";
import { registerAuditVerify } from "./commands/audit-verify.ts";
import { registerBackup } from "./commands/backup.ts";
import { registerDemo } from "./commands/demo.ts";
import { registerEvidenceVerify } from "./commands/evidence-verify.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerOpenapi } from "./commands/openapi.ts";
import { registerRestore } from "./commands/restore.ts";
import { registerServe } from "./commands/serve.ts";
import { registerTenantCreate } from "./commands/tenant-create.ts";
import { registerTenantList } from "./commands/tenant-list.ts";
import { registerTokenCreate } from "./commands/token-create.ts";
import { registerTokenList } from "./commands/token-list.ts";
import { registerTokenRevoke } from "./commands/token-revoke.ts";
import { registerUserAdd } from "./commands/user-add.ts";
import { registerUserDeactivate } from "./commands/user-deactivate.ts";
import { CliCommand } from "./lib/command.ts";
import { EXIT, UsageError } from "./lib/errors.ts";

/** Build the command tree. */
export function buildProgram(): CliCommand {
  const program = new CliCommand("portcullis")
    .description("Portcullis: run a CTPAT supply chain security program")
    .addHelpText(
      "after",
      "\nDatabase: the embedded one in --data-dir (default ./.portcullis), or PostgreSQL when DATABASE_URL is set.\n" +
        "Exit codes: 0 ok, 1 failed, 2 bad arguments, 3 an integrity check failed (audit chain or evidence file).",
    )
    // Set before adding commands: subcommands inherit it, so no parse error ever calls process.exit.
    .exitOverride() as CliCommand;
  registerServe(program);
  registerDemo(program);
  registerMigrate(program);
  const tenant = program.command("tenant").description("companies: create, list");
  registerTenantCreate(tenant);
  registerTenantList(tenant);
  const user = program.command("user").description("people: add to a company, deactivate");
  registerUserAdd(user);
  registerUserDeactivate(user);
  const token = program.command("token").description("API tokens: create, list, revoke");
  registerTokenCreate(token);
  registerTokenList(token);
  registerTokenRevoke(token);
  const audit = program.command("audit").description("the tamper-evident audit trail: verify, checkpoint");
  registerAuditVerify(audit);
  registerAuditCheckpoint(audit);
  const evidence = program.command("evidence").description("the evidence vault: verify");
  registerEvidenceVerify(evidence);
  registerBackup(program);
  registerRestore(program);
  registerOpenapi(program);
  return program;
}

/** Run the CLI; resolves with the exit code (see EXIT). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return program.exitCode;
  } catch (err) {
    return reportError(err);
  }
}

/** Print a failure as one line and choose the exit code. */
function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // Commander already printed its message; help and version end in exit code 0.
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n`);
    return EXIT.usage;
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    return EXIT.usage;
  }
  if (err instanceof AppError) {
    process.stderr.write(`error: ${err.message}\n`);
    return EXIT.failed;
  }
  process.stderr.write(`portcullis: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT.failed;
}
