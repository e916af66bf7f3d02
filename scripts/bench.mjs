// `npm run bench`: run every bench/*.bench.ts, or those named (`npm run bench -- api-read startup`).
// Each benchmark prints one line per figure:
//   name: value unit (ratio R× vs baseline; target ≥ T×) OK|BELOW
// and "# " notes (what the baseline is, raw numbers). Every figure is a ratio against a baseline
// measured in the same run, so results from a shared, noisy machine stay comparable.
// Exit status: 1 when a benchmark fails to run; figures BELOW target fail the run only with --strict
// (or BENCH_STRICT=1). A summary of all figures is printed at the end.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, "bench");
const args = process.argv.slice(2);
const strict = args.includes("--strict") || process.env.BENCH_STRICT === "1";
const names = args.filter((a) => !a.startsWith("--"));

const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.slice(0, -".bench.ts".length))
  .sort();
const unknown = names.filter((n) => !available.includes(n.replace(/\.bench\.ts$/, "")));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(", ")} (available: ${available.join(", ")})`);
  process.exit(2);
}
const selected = names.length ? names.map((n) => n.replace(/\.bench\.ts$/, "")) : available;

const FIGURE = /^(\S+): (\S+) (\S+) \(ratio (\S+)× vs baseline; target ([≥≤]) ([^)]+)\) (OK|BELOW)$/;
// Figures the issues ask to report without a target: "name: value unit (ratio R× vs baseline; target: report)".
const REPORTED = /^(\S+): (\S+) (\S+) \(ratio (\S+)× vs baseline; target: report\)$/;
const figures = [];
const failed = [];
for (const name of selected) {
  console.log(`\n== ${name}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, `${name}.bench.ts`)], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout ?? "");
  for (const line of (run.stdout ?? "").split("\n")) {
    const m = FIGURE.exec(line);
    if (m) figures.push({ line, ok: m[7] === "OK" });
    else if (REPORTED.test(line)) figures.push({ line, ok: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    failed.push(name);
    console.log(`-- ${name} FAILED (exit ${run.status ?? run.signal}) after ${seconds} s`);
  } else {
    console.log(`-- ${name} done in ${seconds} s`);
  }
}

const below = figures.filter((f) => !f.ok);
console.log(
  `\n== summary: ${figures.length} figures, ${figures.length - below.length} OK, ${below.length} BELOW${failed.length ? `; failed: ${failed.join(", ")}` : ""}`,
);
for (const f of figures) console.log(f.line);
process.exit(failed.length || (strict && below.length) ? 1 : 0);
