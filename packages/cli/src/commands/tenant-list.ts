import type { Command } from "commander";
import { z } from "zod";
import { DataDirArg, FlagArg, parseArgs } from "../lib/args.ts";
import { dataDirOption, jsonOption } from "../lib/command.ts";
import { withDatabase } from "../lib/db.ts";
import { printJson, printLine } from "../lib/output.ts";

const Args = z.object({ json: FlagArg, dataDir: DataDirArg });

/** A company as listed by the CLI. */
interface TenantListItem {
  id: string;
  legalName: string;
  entityTypes: string[];
  ctpatStatus: string;
  activeMembers: number;
  createdAt: string;
}

/** `portcullis tenant list`: every company in the database. */
export function registerTenantList(tenant: Command): void {
  tenant
    .command("list")
    .description("list every company with its id (use the id or exact legal name with --tenant)")
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action(async (raw: unknown, command: Command) => {
      await runTenantList(parseArgs({ schema: Args, raw, command }));
    });
}

async function runTenantList(args: z.output<typeof Args>): Promise<void> {
  const items = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis tenant list" }, async ({ db }) => {
    const rows = await db.kysely
      .selectFrom("tenants as t")
      .select([
        "t.id",
        "t.legal_name",
        "t.entity_types",
        "t.ctpat_status",
        "t.created_at",
        (eb) =>
          eb
            .selectFrom("memberships as m")
            .innerJoin("users as u", "u.id", "m.user_id")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("m.tenant_id", "=", "t.id")
            .where("m.deactivated_at", "is", null)
            .where("u.active", "=", true)
            .as("active_members"),
      ])
      .orderBy("t.legal_name")
      .orderBy("t.created_at")
      .execute();
    return rows.map(
      (r): TenantListItem => ({
        id: r.id,
        legalName: r.legal_name,
        entityTypes: r.entity_types,
        ctpatStatus: r.ctpat_status,
        activeMembers: Number(r.active_members),
        createdAt: new Date(r.created_at).toISOString(),
      }),
    );
  });
  if (args.json) {
    printJson({ items });
    return;
  }
  if (items.length === 0) {
    printLine("No companies yet. Create one with: portcullis tenant create --help");
    return;
  }
  for (const t of items) {
    const members = `${t.activeMembers} active member${t.activeMembers === 1 ? "" : "s"}`;
    printLine(`${t.id}  ${t.legalName}  [${t.entityTypes.join(", ")}]  ${t.ctpatStatus}, ${members}`);
  }
}
