import { generateKeyPairSync } from "node:crypto";
import type { SigningKey } from "@portcullis/server/audit/keys.ts";
import { loadConfig } from "@portcullis/server/config.ts";
import type { Db } from "@portcullis/server/db/open.ts";
import type { Command } from "commander";
import { z } from "zod";
import { parseArgs } from "../lib/args.ts";
import { printLine } from "../lib/output.ts";

const Args = z.object({});

/** `portcullis openapi`: print the API's OpenAPI document (used by `npm run openapi:types`). */
export function registerOpenapi(program: Command): void {
  program
    .command("openapi")
    .description("print the OpenAPI document of the HTTP API as JSON (no database needed)")
    .action(async (raw: unknown, command: Command) => {
      parseArgs({ schema: Args, raw, command });
      printLine(JSON.stringify(await buildOpenApiDocument(), null, 2));
    });
}

/**
 * Build the app without a database and ask it for its document. Routes and schemas are fixed at build
 * time, so no database is needed: this skips initdb (seconds on a fresh embedded data dir) and works
 * while a server holds the data directory. Anything that touches the database during the build fails loudly.
 */
async function buildOpenApiDocument(): Promise<unknown> {
  const { buildApp } = await import("@portcullis/server/http/app.ts");
  const { VERSION } = await import("@portcullis/server/server.ts");
  const config = loadConfig({ LOG_LEVEL: "silent", PORTCULLIS_DEMO: "false" } as NodeJS.ProcessEnv);
  const noDatabase = new Proxy({} as Db, {
    get(_target, property) {
      throw new Error(`openapi builds the app without a database, but the build used db.${String(property)}`);
    },
  });
  const app = await buildApp({ deps: { config, db: noDatabase, key: ephemeralKey(), version: VERSION }, logger: false, webDist: null });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
  }
}

/** A throwaway signing key: the document needs the app built, not a real key. */
function ephemeralKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { keyId: "openapi", privateKey, publicKey, publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}
