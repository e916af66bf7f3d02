import type { Command } from "commander";
import { z } from "zod";
import { DataDirArg, parseArgs } from "../lib/args.ts";
import { dataDirOption } from "../lib/command.ts";
import { withDatabase } from "../lib/db.ts";
import { printLine } from "../lib/output.ts";

const Args = z.object({ dataDir: DataDirArg });

/** `portcullis demo`: add the demo company, whatever else the database holds. */
export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("create the demo company (Sierra Norte Imports) even when other companies exist, and print its sign-in")
    .addOption(dataDirOption())
    .action(async (raw: unknown, command: Command) => {
      await runDemo(parseArgs({ schema: Args, raw, command }));
    });
}

async function runDemo(args: z.output<typeof Args>): Promise<void> {
  const { createDemo, DEMO_LOGIN } = await import("@portcullis/server/demo/seed.ts");
  const { tenantId, reused } = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis demo" }, async ({ db, config }) => {
    const existing = await db.kysely.selectFrom("users").select("id").where("email", "=", DEMO_LOGIN.email).executeTakeFirst();
    return { ...(await createDemo(db, config)), reused: Boolean(existing) };
  });
  printLine(`Demo company "Sierra Norte Imports, Inc." created (tenant ${tenantId}).`);
  printLine(`Sign in with ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  if (reused) {
    printLine("(The demo account already existed and keeps its current password, if it was changed.)");
  }
}
