/**
 * Start-up to a healthy /api/health, through the CLI (`portcullis serve` as a child process, embedded
 * database, no demo):
 *   - first start on an empty data dir, against a bare `new PGlite(dir)` initdb in a child process
 *     (a first start that paid initdb twice would be over 2× the bare initdb);
 *   - warm restart on the same dir (target ≤ 5 s), against a bare PGlite open of an existing dir;
 *   - peak RSS (VmHWM) of the server process at idle after start, against the bare PGlite process doing the
 *     same (initdb, or open); the brief sets no memory target: ≤ 2× (the app adds less than the engine) is ours.
 * Rounds alternate the order of server and bare runs; figures are medians.
 *
 * Environment: BENCH_ROUNDS (default 2), BENCH_IDLE_MS (idle wait before reading memory, default 2000).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { exited, freePort, procMemory, ROOT, spawnServe, stopChild, tmpDir, waitHealthy } from "./lib/env.ts";
import { figure, fmt, median, note } from "./lib/report.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 2000);
const MB = 1024 * 1024;

interface Run {
  ms: number;
  hwm: number;
  rss: number;
  /** For the server: what `portcullis serve` reports as its own "ready in" (startServer: open, migrate, build, listen). */
  readyMs?: number;
}

/** A bare PGlite in its own process: spawn → `new PGlite(dir)` → waitReady; time to ready, then memory at idle. */
async function barePglite(dir: string): Promise<Run> {
  const code = `
    const { PGlite } = await import("@electric-sql/pglite");
    const db = new PGlite(process.argv[1]);
    await db.waitReady;
    await db.query("SELECT 1");
    process.stdout.write("ready\\n");
    process.on("SIGTERM", async () => { await db.close(); process.exit(0); });
    setInterval(() => {}, 1000);`;
  const started = performance.now();
  const child = spawn(process.execPath, ["--input-type=module", "-e", code, dir], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr?.on("data", (b: Buffer) => {
    err += b.toString();
  });
  const ms = await new Promise<number>((resolve, reject) => {
    child.stdout?.on("data", (b: Buffer) => {
      if (b.toString().includes("ready")) resolve(performance.now() - started);
    });
    child.once("exit", (c) => reject(new Error(`bare PGlite exited (${c}): ${err}`)));
  });
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const run = { ms, hwm: procMemory(child.pid as number, "VmHWM"), rss: procMemory(child.pid as number, "VmRSS") };
  await stopChild(child);
  return run;
}

/** `portcullis serve` on a data dir: spawn → healthy; then memory at idle. */
async function serve(dir: string): Promise<Run> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnServe({ port, dataDir: dir });
  try {
    await waitHealthy(`http://127.0.0.1:${port}`, child, 120_000, 10);
  } catch (err) {
    child.kill("SIGKILL");
    throw new Error(`${String(err)}\n${child.output()}`);
  }
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const ready = /ready in ([\d.]+) s/.exec(child.output());
  const run = {
    ms,
    hwm: procMemory(child.pid as number, "VmHWM"),
    rss: procMemory(child.pid as number, "VmRSS"),
    readyMs: ready ? Number(ready[1]) * 1000 : Number.NaN,
  };
  await stopChild(child, 30_000);
  await exited(child);
  return run;
}

const work = tmpDir("portcullis-bench-startup");
const runs = { first: [] as Run[], warm: [] as Run[], bareInit: [] as Run[], bareOpen: [] as Run[] };
try {
  for (let round = 0; round < ROUNDS; round++) {
    const serverDir = path.join(work, `server-${round}`);
    const bareDir = path.join(work, `bare-${round}`);
    const steps: Array<() => Promise<void>> = [
      async () => void runs.bareInit.push(await barePglite(bareDir)),
      async () => void runs.first.push(await serve(serverDir)),
      async () => void runs.warm.push(await serve(serverDir)),
      async () => void runs.bareOpen.push(await barePglite(bareDir)),
    ];
    // Alternate which side goes first so drift on a shared machine hits both.
    const order = round % 2 === 0 ? [0, 1, 2, 3] : [1, 2, 0, 3];
    for (const i of order) await (steps[i] as () => Promise<void>)();
  }
  const m = (rs: Run[], k: "ms" | "hwm" | "rss") => median(rs.map((r) => r[k]));
  note(
    `baselines (median of ${ROUNDS}): bare new PGlite(empty dir) ${fmt(m(runs.bareInit, "ms") / 1000)} s, VmHWM ${fmt(m(runs.bareInit, "hwm") / MB)} MB; ` +
      `bare PGlite open of an existing dir ${fmt(m(runs.bareOpen, "ms") / 1000)} s, VmHWM ${fmt(m(runs.bareOpen, "hwm") / MB)} MB`,
  );
  note(
    `server first start: ${runs.first.map((r) => fmt(r.ms / 1000)).join(", ")} s; warm restart: ${runs.warm.map((r) => fmt(r.ms / 1000)).join(", ")} s; ` +
      `idle RSS after warm restart ${fmt(m(runs.warm, "rss") / MB)} MB`,
  );
  const warmReady = median(runs.warm.map((r) => r.readyMs ?? Number.NaN));
  note(
    `warm restart split: before the CLI's "ready in" timer starts (node, tsx, CLI modules) ≈ ${fmt((m(runs.warm, "ms") - warmReady) / 1000)} s; ` +
      `the CLI's own "ready in" (whatever serve loads and starts after that) ${fmt(warmReady / 1000)} s; a bare PGlite open of a dir takes ≈ ${fmt(m(runs.bareOpen, "ms") / 1000)} s in its own process`,
  );
  const first = m(runs.first, "ms");
  const warm = m(runs.warm, "ms");
  figure({
    name: "startup.first-start",
    value: first / 1000,
    unit: "s",
    ratio: first / m(runs.bareInit, "ms"),
    target: { op: "≤", value: 2, unit: "×" },
  });
  // What the first start costs over a warm one, against what initdb costs over an open: ~1× means initdb is paid once.
  const initdbShare = (first - warm) / (m(runs.bareInit, "ms") - m(runs.bareOpen, "ms"));
  note(
    `first start − warm restart = ${fmt((first - warm) / 1000)} s = ${fmt(initdbShare)}× the bare initdb cost (bare initdb − bare open)`,
  );
  figure({
    name: "startup.warm-restart",
    value: warm / 1000,
    unit: "s",
    ratio: warm / m(runs.bareOpen, "ms"),
    target: { op: "≤", value: 5, unit: "s" },
    targetOn: "value",
  });
  figure({
    name: "startup.first-start.peak-rss",
    value: m(runs.first, "hwm") / MB,
    unit: "MB",
    ratio: m(runs.first, "hwm") / m(runs.bareInit, "hwm"),
    target: { op: "≤", value: 2, unit: "×" },
  });
  figure({
    name: "startup.warm-restart.peak-rss",
    value: m(runs.warm, "hwm") / MB,
    unit: "MB",
    ratio: m(runs.warm, "hwm") / m(runs.bareOpen, "hwm"),
    target: { op: "≤", value: 2, unit: "×" },
  });
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
