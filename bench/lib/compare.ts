/**
 * Server-versus-bare load comparisons: the real server and a bare node:http baseline, both in this process,
 * loaded in turn by the same load client through short alternating phases.
 *
 * Environment: BENCH_SECONDS (measured seconds per side, default 5), BENCH_WARMUP_SECONDS (default 1),
 * BENCH_BLOCKS (alternations, default 4), BENCH_CONCURRENCY (requests in flight, default 16).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { aggregate, type LoadClient, type LoadStats, type PhaseResult } from "./load.ts";
import { figure, fmt, note } from "./report.ts";

/** How the sides are loaded, from the environment. */
export const LOAD = {
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 1),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
  blocks: Number(process.env.BENCH_BLOCKS ?? 4),
};

/** A running HTTP server to load. */
export interface Endpoint {
  url: string;
  close(): Promise<void>;
}

/** Where a side answers, with the headers its requests carry (the server's Bearer token). */
export interface Side {
  url: string;
  headers: Record<string, string>;
}

type SideName = "bare" | "server";

/** One side's load figures, with this process's CPU time per request. */
export type Measured = LoadStats & { cpuUsPerRequest: number };

/**
 * Start a bare node:http baseline on a free loopback port: `respond` answers each request's URL with a status
 * and a JSON body; a failure answers 500. Keep-alive like the server, so both sides pay the same connections.
 */
export async function startBareServer(respond: (url: string) => Promise<{ status: number; body: unknown }>): Promise<Endpoint> {
  const srv = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    respond(req.url ?? "").then(
      (r) => send(r.status, r.body),
      (err) => send(500, { error: String(err) }),
    );
  });
  srv.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, close: () => new Promise((r) => srv.close(() => r())) };
}

/**
 * Load both sides with `paths` in rotation: a warm-up phase each, then LOAD.blocks short phases per side in
 * alternating order (bare, server, server, bare, …) so drift and bursts on a shared machine hit both alike.
 */
export async function measureSides(
  client: LoadClient,
  sides: Record<SideName, Side>,
  paths: string[],
): Promise<Record<SideName, Measured>> {
  const phase = (side: SideName, seconds: number) =>
    client.run({ base: sides[side].url, headers: sides[side].headers, paths, concurrency: LOAD.concurrency, durationMs: seconds * 1000 });
  await phase("bare", LOAD.warmupSeconds);
  await phase("server", LOAD.warmupSeconds);
  const got: Record<SideName, PhaseResult[]> = { bare: [], server: [] };
  // CPU time of this process: both servers live here (and PGlite, on the embedded database); the load client does not.
  const cpuUs = { bare: 0, server: 0 };
  for (let block = 0; block < LOAD.blocks; block++) {
    for (const side of block % 2 === 0 ? (["bare", "server"] as const) : (["server", "bare"] as const)) {
      const cpu0 = process.cpuUsage();
      got[side].push(await phase(side, LOAD.seconds / LOAD.blocks));
      const cpu = process.cpuUsage(cpu0);
      cpuUs[side] += cpu.user + cpu.system;
    }
  }
  const withCpu = (side: SideName): Measured => {
    const stats = aggregate(got[side]);
    return { ...stats, cpuUsPerRequest: cpuUs[side] / stats.requests };
  };
  return { bare: withCpu("bare"), server: withCpu("server") };
}

/**
 * Print a note per side, fail on any failed request, then the throughput figure (server req/s over bare req/s)
 * and, with `p99`, the latency figure, both against `target` (≥, as a ratio).
 */
export function reportSides(name: string, r: Record<SideName, Measured>, options: { target: number; p99?: boolean }): void {
  for (const [side, s] of Object.entries(r)) {
    note(
      `${name} ${side}: ${s.requests} requests in ${fmt(s.seconds)} s, ${fmt(s.rps)} req/s, p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms, this process's CPU ${s.cpuUsPerRequest.toFixed(0)} µs/request, errors ${s.errors}`,
    );
    if (s.errors) throw new Error(`${name} ${side}: ${s.errors} failed requests, first: ${s.firstError}`);
  }
  const target = { op: "≥", value: options.target, unit: "×" } as const;
  figure({ name: `${name}.throughput`, value: r.server.rps, unit: "req/s", ratio: r.server.rps / r.bare.rps, target });
  // Latency ratio is baseline p99 / server p99, so higher is better here too (0.6× = server p99 is 1.67× the bare p99).
  if (options.p99) figure({ name: `${name}.p99`, value: r.server.p99, unit: "ms", ratio: r.bare.p99 / r.server.p99, target });
}
