// `npm test`: the whole suite — unit, integration on PGlite and on PostgreSQL, browser journeys.
// Refuses to pass silently without PostgreSQL or Chromium: set TEST_POSTGRES=off or TEST_E2E=off to
// leave one out on purpose (the summary then says so).
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const projects = ["unit", "pglite"];
const left = [];

const pgUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
if (process.env.TEST_POSTGRES === "off") {
  left.push("postgres (TEST_POSTGRES=off)");
} else {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    await client.end();
    projects.push("postgres");
  } catch (err) {
    console.error(`PostgreSQL is not reachable at ${pgUrl}: ${err.message}`);
    console.error("Start it (see README, 'Tests'), point TEST_DATABASE_URL at one, or set TEST_POSTGRES=off to leave those tests out.");
    process.exit(1);
  }
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (process.env.TEST_E2E === "off") {
  left.push("e2e (TEST_E2E=off)");
} else if (!fs.existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: install it (apt-get install -y chromium), set CHROMIUM_PATH, or TEST_E2E=off.`);
  process.exit(1);
} else {
  execSync("node scripts/ensure-web-build.mjs", { cwd: root, stdio: "inherit" });
  projects.push("e2e");
}

const report = path.join(os.tmpdir(), `portcullis-vitest-${process.pid}.json`);
const summary = path.join(os.tmpdir(), `portcullis-run-summary-${process.pid}.json`);
const args = [
  "vitest",
  "run",
  ...projects.flatMap((p) => ["--project", p]),
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
  "--reporter=./scripts/run-summary-reporter.mjs",
  ...process.argv.slice(2),
];
const run = spawnSync("npx", args, { cwd: root, stdio: "inherit", env: { ...process.env, PORTCULLIS_RUN_SUMMARY: summary } });

let passed = 0;
let failed = 0;
let skipped = 0;
let failedFiles = 0;
try {
  const json = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + json.numTodoTests;
  // A file whose setup hook failed has no failed test, only skipped ones: count it, or the summary reads green.
  failedFiles = json.numFailedTestSuites;
  fs.rmSync(report, { force: true });
} catch {
  failed = Math.max(failed, 1);
}
printRunSummary();
console.log(`\nprojects: ${projects.join(", ")}${left.length ? `; left out on request: ${left.join(", ")}` : ""}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped${failedFiles > 0 ? `; ${failedFiles} suites failed` : ""}`);
process.exit(run.status === 0 && failed === 0 && failedFiles === 0 && passed > 0 ? 0 : 1);

/** Repeat the slowest files and every unhandled error last, where a cut log still shows them. */
function printRunSummary() {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(summary, "utf8"));
    fs.rmSync(summary, { force: true });
  } catch {
    return;
  }
  console.log("\nslowest files:");
  for (const f of data.slowest) console.log(`  ${(f.ms / 1000).toFixed(1).padStart(7)} s  ${f.file}`);
  if (data.errors.length === 0) return;
  console.log(`\nunhandled errors (${data.errors.length}) — these fail the run even when every test passed:`);
  for (const e of data.errors) {
    console.log(`- ${e.name}: ${e.message}${e.origin ? `\n  while running ${e.origin}${e.test ? ` › ${e.test}` : ""}` : ""}`);
    console.log(e.stack.replace(/^/gm, "    "));
  }
}
