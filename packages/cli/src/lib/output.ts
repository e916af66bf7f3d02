/** Write one line to stdout (results). */
export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Write one line to stderr (progress, warnings, hints): keeps stdout clean for pipes. */
export function printNote(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Print exactly one JSON object on one line: what `--json` promises scripts. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** "1 event", "2 events": counts in the CLI's English output. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
