import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Phase, PhaseResult } from "./load-client.ts";
import { percentile } from "./report.ts";

export type { Phase, PhaseResult };

/** Aggregate of one or more phases against the same target. */
export interface LoadStats {
  requests: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

/** A load-generating child process, reused across phases. */
export class LoadClient {
  private readonly child: ChildProcess;
  private seq = 0;
  private readonly pending = new Map<number, (r: PhaseResult) => void>();

  constructor() {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "load-client.ts");
    this.child = fork(file, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.child.on("message", (msg: { id: number; result: PhaseResult }) => {
      this.pending.get(msg.id)?.(msg.result);
      this.pending.delete(msg.id);
    });
    this.child.on("exit", (code) => {
      for (const [, resolve] of this.pending) {
        resolve({ requests: 0, errors: 1, firstError: `load client exited (${code})`, elapsedMs: 0, latenciesMs: [] });
      }
      this.pending.clear();
    });
  }

  run(phase: Phase): Promise<PhaseResult> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ id, phase });
    });
  }

  close(): void {
    this.child.disconnect();
  }
}

/** Merge phases: requests over total time, percentiles over every latency. */
export function aggregate(results: PhaseResult[]): LoadStats {
  const lat = Float64Array.from(results.flatMap((r) => r.latenciesMs)).sort();
  const requests = results.reduce((s, r) => s + r.requests, 0);
  const seconds = results.reduce((s, r) => s + r.elapsedMs, 0) / 1000;
  return {
    requests,
    errors: results.reduce((s, r) => s + r.errors, 0),
    firstError: results.find((r) => r.firstError)?.firstError ?? null,
    seconds,
    rps: requests / seconds,
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
  };
}
