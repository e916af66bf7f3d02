import { Command, CommanderError } from "commander";
import { ConfigError } from "@portcullis/server";
import { registerServe } from "./commands/serve.ts";

/** Build the command tree. */
export function buildProgram(): Command {
  const program = new Command("portcullis")
    .description("Portcullis: run a CTPAT supply chain security program")
    .showHelpAfterError()
    .exitOverride();
  registerServe(program);
  return program;
}

/** Run the CLI; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    process.stderr.write(`portcullis: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
