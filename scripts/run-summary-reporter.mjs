// A Vitest reporter that keeps what the end of `npm test` must show even when the log is cut to its last
// lines: every unhandled error with its origin, and the slowest files (where the suite's time goes).
// scripts/test.mjs passes the output path in PORTCULLIS_RUN_SUMMARY and prints the file after the run.
import fs from "node:fs";
import path from "node:path";

export default class RunSummaryReporter {
  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules, unhandledErrors) {
    const out = process.env.PORTCULLIS_RUN_SUMMARY;
    if (!out) return;
    const files = testModules.map((m) => ({
      file: `${m.project.name}:${path.relative(this.root, m.moduleId)}`,
      ms: Math.round(m.diagnostic().duration),
    }));
    files.sort((a, b) => b.ms - a.ms);
    const errors = unhandledErrors.map((e) => ({
      name: e?.name ?? "Error",
      message: String(e?.message ?? e).slice(0, 600),
      origin: e?.VITEST_TEST_PATH ? path.relative(this.root, e.VITEST_TEST_PATH) : null,
      test: e?.VITEST_TEST_NAME ?? null,
      stack: String(e?.stack ?? "")
        .split("\n")
        .slice(0, 8)
        .join("\n"),
    }));
    fs.writeFileSync(out, JSON.stringify({ slowest: files.slice(0, 8), errors }, null, 2));
  }
}
