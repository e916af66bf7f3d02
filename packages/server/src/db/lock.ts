import fs from "node:fs";
import path from "node:path";
import { AppError } from "../errors.ts";

/** Name of the lock file inside an embedded data directory. */
export const LOCK_FILE = "portcullis.lock";

// Locks this process holds. A lock file naming our own PID that is not in here was left by an earlier
// process that had the same PID (containers restart at low PIDs): stale, not ours.
const held = new Set<string>();

/** Content of a data-directory lock. */
export interface LockInfo {
  pid: number;
  startedAt: string;
  purpose: string;
}

/**
 * Take exclusive ownership of an embedded data directory. PGlite has no multi-process support:
 * two processes writing one directory lose committed rows, so a second opener must fail loudly.
 * Returns a release function. A lock left by a dead process (kill -9) is taken over.
 */
export function acquireDataDirLock(dataDir: string, purpose: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), purpose };
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      held.add(file);
      let released = false;
      return () => {
        if (released) {
          return;
        }
        released = true;
        held.delete(file);
        try {
          const current = readLock(dataDir);
          if (current?.pid === process.pid) {
            fs.unlinkSync(file);
          }
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
        throw err;
      }
      const holder = readLock(dataDir);
      const ours = holder?.pid === process.pid;
      if (holder && ((ours && held.has(file)) || (!ours && isAlive(holder.pid)))) {
        throw new AppError(
          "unavailable",
          `data directory in use by PID ${holder.pid} (${holder.purpose}, since ${holder.startedAt}): ${dataDir}. ` +
            "Stop that process first, or use the running server's API.",
          { pid: holder.pid, dataDir },
        );
      }
      // Stale lock from a crashed process: remove and retry.
      try {
        fs.unlinkSync(file);
      } catch {
        // another process removed it first
      }
    }
  }
  throw new AppError("unavailable", `could not lock data directory ${dataDir}`);
}

/** Read the current lock, if any. */
export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
