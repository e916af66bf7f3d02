import type { Command } from "commander";
import { z } from "zod";
import { DataDirArg, parseArgs } from "../lib/args.ts";
import { dataDirOption } from "../lib/command.ts";
import { withDatabase } from "../lib/db.ts";
import { printLine } from "../lib/output.ts";

const Args = z.object({ dataDir: DataDirArg });

/** `portcullis migrate`: bring the database schema up to date. */
export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations (every command does this first; this one does only that)")
    .addOption(dataDirOption())
    .action(async (raw: unknown, command: Command) => {
      await runMigrate(parseArgs({ schema: Args, raw, command }));
    });
}

async function runMigrate(args: z.output<typeof Args>): Promise<void> {
  // withDatabase migrates on open; what it applied is the whole answer.
  const applied = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis migrate" }, async ({ applied }) => applied);
  if (applied.length === 0) {
    printLine("Database is up to date.");
    return;
  }
  for (const name of applied) {
    printLine(`Applied ${name}`);
  }
}
