import type { Command } from "commander";
import { z } from "zod";
import { DataDirArg, FlagArg, parseArgs, TenantRefArg } from "../lib/args.ts";
import { dataDirOption, jsonOption, setExitCode } from "../lib/command.ts";
import { cliActor, withDatabase } from "../lib/db.ts";
import { EXIT } from "../lib/errors.ts";
import { plural, printJson, printLine } from "../lib/output.ts";
import { resolveTenant, type TenantRef } from "../lib/tenants.ts";

const Args = z.object({ tenant: TenantRefArg.optional(), json: FlagArg, dataDir: DataDirArg });

/** Vaults with at least this many files get a progress bar (when stderr is a terminal). */
const PROGRESS_MIN_FILES = 50;

/** `portcullis evidence verify`: re-read every stored evidence file and compare it with its recorded SHA-256. */
export function registerEvidenceVerify(evidence: Command): void {
  evidence
    .command("verify")
    .description("re-hash every stored evidence file of every company (or one); exit 3 when any is missing or damaged")
    .option("--tenant <tenant>", "only this company: tenant id or exact legal name")
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .addHelpText(
      "after",
      "\nEach check is recorded as an evidence.verify audit event.\nExit codes: 0 all intact, 1 could not check, 2 bad arguments, 3 at least one file is missing or damaged.",
    )
    .action(async (raw: unknown, command: Command) => {
      setExitCode(command, await runEvidenceVerify(parseArgs({ schema: Args, raw, command })));
    });
}

async function runEvidenceVerify(args: z.output<typeof Args>): Promise<number> {
  const reports = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis evidence verify" }, async ({ db, config }) => {
    const { verifyEvidenceVault } = await import("@portcullis/server/modules/evidence/evidence.verify.ts");
    const tenants: TenantRef[] = args.tenant
      ? [await resolveTenant({ db: db.kysely, ref: args.tenant })]
      : await db.kysely.selectFrom("tenants").select(["id", "legal_name as legalName"]).orderBy("legal_name").orderBy("id").execute();
    const out = [];
    for (const tenant of tenants) {
      const bar = await progressBar(tenant.legalName);
      const ctx = { db: db.kysely, tenantId: tenant.id, actor: cliActor(), userId: null, requestId: null };
      try {
        const check = await verifyEvidenceVault({ ctx, evidenceDir: config.evidenceDir, onProgress: bar.update });
        out.push({ tenantId: tenant.id, legalName: tenant.legalName, ...check });
      } finally {
        bar.stop();
      }
    }
    return out;
  });
  const ok = reports.every((r) => r.ok);
  if (args.json) {
    printJson({ ok, tenants: reports });
    return ok ? EXIT.ok : EXIT.chainBroken;
  }
  for (const r of reports) {
    const name = `${r.legalName} (${r.tenantId})`;
    printLine(
      `${r.ok ? "ok     " : "DAMAGED"} ${name}: ${plural(r.files, "file")} for ${plural(r.versions, "version")}${r.ok ? "" : `, ${r.problems.length} not as recorded`}`,
    );
    for (const p of r.problems) {
      const versions = p.versions.map((v) => `"${v.title}" v${v.version} (${v.filename})`).join(", ");
      printLine(`        ${p.state} ${p.sha256}: ${versions}`);
    }
  }
  if (reports.length === 0) printLine("No companies: nothing to check.");
  else if (ok) printLine("Every evidence file matches its recorded SHA-256.");
  else printLine("Some evidence files are missing or damaged: restore them from a backup, or upload them again as new versions.");
  return ok ? EXIT.ok : EXIT.chainBroken;
}

/** A bar on a terminal for large vaults; nothing otherwise (stdout stays clean for pipes). */
async function progressBar(label: string): Promise<{ update: (done: number, total: number) => void; stop: () => void }> {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const { SingleBar } = await import("cli-progress");
  const bar = new SingleBar({ format: `${label.slice(0, 40)} [{bar}] {value}/{total} files`, clearOnComplete: true, hideCursor: true });
  let started = false;
  return {
    update: (done, total) => {
      if (total < PROGRESS_MIN_FILES) return;
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
