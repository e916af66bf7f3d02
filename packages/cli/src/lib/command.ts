import { Command, Option } from "commander";

/** The full invocation of a command, e.g. "portcullis tenant create". */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) {
    names.unshift(c.name());
  }
  return names.join(" ");
}

/**
 * A commander Command whose errors stay on one line and end with where to find help. Commander routes
 * every parse error (unknown command or option, missing required option) through `error()`; overriding it
 * here is the one place that sees both the message and the command it belongs to.
 */
export class CliCommand extends Command {
  /** Exit code a command chose without failing (e.g. 3 for a broken audit chain); read by main. */
  exitCode = 0;

  override createCommand(name?: string): Command {
    return new CliCommand(name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const oneLine = message.trimEnd().replace(/\n+/g, " ");
    return super.error(`${oneLine} (see '${commandPath(this)} --help')`, errorOptions);
  }
}

/** `--data-dir`, shared by every command that opens the database. */
export function dataDirOption(): Option {
  return new Option("--data-dir <dir>", "embedded database, files and keys (default ./.portcullis, or PORTCULLIS_DATA_DIR)");
}

/** `--json`, shared by commands with machine-readable output. */
export function jsonOption(): Option {
  return new Option("--json", "print one JSON object on stdout instead of sentences");
}

/** Commander collector for options that may repeat (`--x a --x b`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Record the exit code for a command that completed but must report a non-zero status. */
export function setExitCode(command: Command, code: number): void {
  let root = command;
  while (root.parent) {
    root = root.parent;
  }
  if (root instanceof CliCommand) {
    root.exitCode = code;
  }
}
