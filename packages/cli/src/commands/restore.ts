import { AppError } from "@portcullis/server/errors.ts";
import type { Command } from "commander";
import { z } from "zod";
import { readBackupArchive, writeEvidenceFiles } from "../lib/archive.ts";
import { DataDirArg, FlagArg, PathArg, parseArgs } from "../lib/args.ts";
import { dataDirOption, setExitCode } from "../lib/command.ts";
import { loadCliConfig } from "../lib/db.ts";
import { EXIT, UsageError } from "../lib/errors.ts";
import { printLine, printNote } from "../lib/output.ts";
import { printReports, verifyChains } from "../lib/verify.ts";

const Args = z.object({ from: PathArg, force: FlagArg, dataDir: DataDirArg });

/** `portcullis restore`: replace the embedded database with a backup, then verify every audit chain. */
export function registerRestore(program: Command): void {
  program
    .command("restore")
    .description("restore the embedded database from a 'portcullis backup' file and verify every audit chain")
    .requiredOption("--from <file.tar.gz>", "the backup file")
    .option("--force", "replace an existing database (it is kept as <data dir>/pgdata.bak-<timestamp>)")
    .addOption(dataDirOption())
    .addHelpText(
      "after",
      "\nCopy the audit signing key directory back too (<data dir>/keys), or checkpoint signatures cannot be checked.\n" +
        "Exit codes: 0 restored and intact, 1 failed, 2 bad arguments or PostgreSQL, 3 restored but an audit chain is broken.\n\n" +
        'With DATABASE_URL (PostgreSQL): pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" portcullis.dump, ' +
        "then 'portcullis migrate' and 'portcullis audit verify'.",
    )
    .action(async (raw: unknown, command: Command) => {
      setExitCode(command, await runRestore(parseArgs({ schema: Args, raw, command })));
    });
}

async function runRestore(args: z.output<typeof Args>): Promise<number> {
  const config = loadCliConfig(args);
  if (config.databaseUrl) {
    printNote("restore replaces the embedded database; this installation uses PostgreSQL (DATABASE_URL). Use PostgreSQL's tools:");
    printNote('  pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" portcullis.dump');
    printNote("then run 'portcullis migrate' and 'portcullis audit verify'.");
    return EXIT.usage;
  }
  // Read and check everything (database files, evidence hashes) before the current database is touched.
  const backup = readBackupArchive({ file: args.from });
  const { restoreEmbeddedDatabase } = await import("@portcullis/server/db/restore.ts");
  const { migrateToLatest } = await import("@portcullis/server/db/migrate.ts");
  const { db, movedTo } = await restoreEmbeddedDatabase(config, {
    archive: backup.database,
    existing: args.force ? "move-aside" : "refuse",
    purpose: "portcullis restore",
  }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "conflict") {
      throw new UsageError(`${err.message} (add --force to keep it as pgdata.bak-<timestamp> and restore anyway)`);
    }
    throw err;
  });
  try {
    await migrateToLatest(db.kysely as never);
    const written = writeEvidenceFiles({ evidenceDir: config.evidenceDir, files: backup.evidence });
    printLine(`Restored ${args.from} into ${config.dataDir}.`);
    if (backup.format === 1) {
      printNote("This backup predates evidence files: only the database was restored.");
    } else {
      printLine(
        `Evidence files: ${backup.evidence.length} in the backup, ${written} written to ${config.evidenceDir}, each checked against its SHA-256.`,
      );
    }
    if (movedTo) {
      printLine(`The previous database was kept in ${movedTo}.`);
    }
    const reports = await verifyChains({ db, config, tenants: null, checkpoints: [] });
    return printReports({ reports }) ? EXIT.ok : EXIT.chainBroken;
  } finally {
    await db.close();
  }
}
