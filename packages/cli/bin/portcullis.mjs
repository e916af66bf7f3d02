#!/usr/bin/env node
// Entry point of the `portcullis` command: loads the TypeScript sources through tsx (no build step).
import v8 from "node:v8";
import { register } from "tsx/esm/api";

// Every command but `serve` is a short-lived process that runs a handful of queries: optimising PGlite's
// large WebAssembly module up front (eager compilation, TurboFan) costs more CPU than it ever saves, about
// a quarter of each command's run time. Set before PGlite loads; the long-running server keeps the defaults.
if (process.argv[2] !== "serve") {
  v8.setFlagsFromString("--liftoff-only");
  v8.setFlagsFromString("--wasm-lazy-compilation");
}

register();
// `portcullis openapi | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
