/**
 * Load generator run as a child process (so it does not share the event loop with the server under test).
 * Receives a phase over IPC, keeps `concurrency` requests in flight on keep-alive connections for
 * `durationMs`, and answers with the count, errors and every latency.
 */
import http from "node:http";

export interface Phase {
  base: string;
  /** Paths to request, in rotation. */
  paths: string[];
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
}

export interface PhaseResult {
  requests: number;
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  latenciesMs: number[];
}

function runPhase(p: Phase): Promise<PhaseResult> {
  const url = new URL(p.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: p.concurrency });
  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const started = performance.now();
  const deadline = started + p.durationMs;
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const path = p.paths[next++ % p.paths.length] as string;
      const t0 = performance.now();
      const req = http.request({ host: url.hostname, port: url.port, path, method: "GET", agent, headers: p.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          latencies.push(performance.now() - t0);
          requests += 1;
          if (res.statusCode !== 200) {
            errors += 1;
            firstError ??= `${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`;
          }
          resolve();
        });
      });
      req.on("error", (err) => {
        errors += 1;
        firstError ??= String(err);
        resolve();
      });
      req.end();
    });
  const lane = async () => {
    while (performance.now() < deadline) await one();
  };
  return Promise.all(Array.from({ length: p.concurrency }, lane)).then(() => {
    agent.destroy();
    return { requests, errors, firstError, elapsedMs: performance.now() - started, latenciesMs: latencies };
  });
}

process.on("message", (msg: { id: number; phase: Phase }) => {
  void runPhase(msg.phase).then((result) => process.send?.({ id: msg.id, result }));
});
process.on("disconnect", () => process.exit(0));
