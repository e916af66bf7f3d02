import fs from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { buildBackupArchive } from "../lib/archive.ts";
import { DataDirArg, FlagArg, PathArg, parseArgs } from "../lib/args.ts";
import { dataDirOption, setExitCode } from "../lib/command.ts";
import { loadCliConfig, withDatabase } from "../lib/db.ts";
import { EXIT, UsageError } from "../lib/errors.ts";
import { writeFileAtomic } from "../lib/files.ts";
import { printLine, printNote } from "../lib/output.ts";

const Args = z.object({ out: PathArg, force: FlagArg, dataDir: DataDirArg });

/** `portcullis backup`: one file with the whole embedded database and every evidence file. */
export function registerBackup(program: Command): void {
  program
    .command("backup")
    .description("write the embedded database and the evidence files to one .tar.gz file (stop the server first; PostgreSQL: use pg_dump)")
    .requiredOption("--out <file.tar.gz>", "the backup file to write")
    .option("--force", "overwrite --out when it exists")
    .addOption(dataDirOption())
    .addHelpText(
      "after",
      "\nThe audit signing key (<data dir>/keys, or PORTCULLIS_KEY_DIR) is NOT in the backup, on purpose: whoever holds a copy\n" +
        "of the database must not be able to re-sign a rewritten audit trail. Back the key up separately, and keep it apart.\n\n" +
        'With DATABASE_URL (PostgreSQL) use PostgreSQL\'s tools instead: pg_dump -Fc "$DATABASE_URL" -f portcullis.dump (exit code 2 here),\n' +
        "and copy the evidence directory (PORTCULLIS_EVIDENCE_DIR, default <data dir>/evidence) with it.",
    )
    .action(async (raw: unknown, command: Command) => {
      setExitCode(command, await runBackup(parseArgs({ schema: Args, raw, command })));
    });
}

async function runBackup(args: z.output<typeof Args>): Promise<number> {
  const config = loadCliConfig(args);
  if (config.databaseUrl) {
    printNote("backup copies the embedded database; this installation uses PostgreSQL (DATABASE_URL). Use PostgreSQL's tools:");
    printNote('  pg_dump -Fc "$DATABASE_URL" -f portcullis.dump');
    printNote(
      `Copy the evidence files in ${config.evidenceDir} with it, and back up the audit signing key in ${config.keyDir} separately.`,
    );
    return EXIT.usage;
  }
  if (fs.existsSync(args.out) && !args.force) {
    throw new UsageError(`--out: ${args.out} already exists (add --force to overwrite it)`);
  }
  // Opening takes the data-directory lock: a running server makes this fail instead of copying a moving target.
  // The lock is held while the evidence files are read too: no upload can land between the two.
  const { size, files } = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis backup" }, async ({ db }) => {
    if (!db.pglite) {
      throw new Error("embedded database expected");
    }
    const dump = await db.pglite.dumpDataDir("none");
    const archive = buildBackupArchive({ database: new Uint8Array(await dump.arrayBuffer()), evidenceDir: config.evidenceDir });
    writeFileAtomic({ file: args.out, data: archive.bytes });
    return { size: archive.bytes.byteLength, files: archive.evidenceFiles };
  });
  printLine(
    `Backup of ${config.dataDir} written to ${args.out} (${(size / 1024 / 1024).toFixed(1)} MB, ${files} evidence file${files === 1 ? "" : "s"}).`,
  );
  printLine(`Remember: the audit signing key in ${config.keyDir} is not in it. Back that directory up separately, and keep it apart.`);
  return EXIT.ok;
}
