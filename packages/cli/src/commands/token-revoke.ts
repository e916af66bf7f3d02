import { appendAuditEvent } from "@portcullis/server/audit/audit.service.ts";
import { AppError } from "@portcullis/server/errors.ts";
import type { Command } from "commander";
import { z } from "zod";
import { DataDirArg, parseArgs } from "../lib/args.ts";
import { dataDirOption } from "../lib/command.ts";
import { cliActor, withDatabase, withSystemTx } from "../lib/db.ts";
import { printLine } from "../lib/output.ts";
import { findToken } from "../lib/tokens.ts";

const Args = z.object({ id: z.uuid({ error: "must be a token id (a UUID, see: portcullis token list)" }), dataDir: DataDirArg });

/** `portcullis token revoke`: end an API token now. */
export function registerTokenRevoke(token: Command): void {
  token
    .command("revoke")
    .description("revoke an API token now; the next request that uses it is refused")
    .requiredOption("--id <id>", "the token's id (from token list)")
    .addOption(dataDirOption())
    .action(async (raw: unknown, command: Command) => {
      await runTokenRevoke(parseArgs({ schema: Args, raw, command }));
    });
}

async function runTokenRevoke(args: z.output<typeof Args>): Promise<void> {
  const actor = cliActor();
  const outcome = await withDatabase({ dataDir: args.dataDir, purpose: "portcullis token revoke" }, ({ db }) =>
    withSystemTx(db.kysely, async (tx) => {
      const before = await findToken({ tx, id: args.id.toLowerCase() });
      if (!before) {
        throw new AppError("not_found", `no API token with id ${args.id}`);
      }
      if (before.revokedAt) {
        return { token: before, changed: false };
      }
      await tx.updateTable("api_tokens").set({ revoked_at: new Date() }).where("id", "=", before.id).execute();
      // Record the same shape the API records, so the trail reads alike whoever revoked.
      const { tenantId: _tenantId, status: _status, ...view } = before;
      await appendAuditEvent(tx, {
        tenantId: before.tenantId,
        actor,
        action: "token.revoke",
        entityType: "api_token",
        entityId: before.id,
        before: view,
      });
      return { token: before, changed: true };
    }),
  );
  const what = `API token "${outcome.token.name}" (${outcome.token.prefix}…) of ${outcome.token.userEmail}`;
  printLine(outcome.changed ? `Revoked ${what}.` : `${what} was already revoked at ${outcome.token.revokedAt}.`);
}
