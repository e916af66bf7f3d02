import fs from "node:fs";
import path from "node:path";

/**
 * Write a file so that readers never see half of it: a crash mid-write leaves the old file (or none),
 * not a truncated backup or checkpoint export.
 */
export function writeFileAtomic(options: { file: string; data: string | Uint8Array; mode?: number }): void {
  const target = path.resolve(options.file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(temp, options.data, { mode: options.mode ?? 0o600 });
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
