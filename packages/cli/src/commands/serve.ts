import { loadConfig } from "@portcullis/server/config.ts";
import type { Command } from "commander";

/** `portcullis serve`: run the web app, API and job worker. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("start Portcullis (embedded database in --data-dir unless DATABASE_URL is set)")
    .option("--port <port>", "HTTP port (default 3000, or PORT)")
    .option("--host <host>", "interface to bind (default 127.0.0.1, or HOST)")
    .option("--data-dir <dir>", "embedded database and files (default ./.portcullis)")
    .option("--role <role>", "web, worker or all (default all)")
    .action(async (opts: { port?: string; host?: string; dataDir?: string; role?: string }) => {
      const env = { ...process.env };
      if (opts.port !== undefined) env.PORT = opts.port;
      if (opts.host !== undefined) env.HOST = opts.host;
      if (opts.role !== undefined) env.PORTCULLIS_ROLE = opts.role;
      const config = loadConfig(env, opts.dataDir ? { dataDir: opts.dataDir } : {});
      const started = Date.now();
      const { startServer } = await import("@portcullis/server/server.ts");
      const server = await startServer(config, { onDemoProgress: await demoProgressPrinter() });
      const where = config.databaseUrl ? "PostgreSQL" : `embedded database in ${config.dataDir}`;
      process.stdout.write(
        `\nPortcullis is running at http://localhost:${config.port} (${where}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
      if (server.demo) {
        process.stdout.write(`Demo company created. Sign in with ${server.demo.email} / ${server.demo.password}\n\n`);
      }
      const shutdown = async (signal: string) => {
        process.stdout.write(`\n${signal}: stopping…\n`);
        await server.stop();
        process.exit(0);
      };
      process.once("SIGINT", () => void shutdown("SIGINT"));
      process.once("SIGTERM", () => void shutdown("SIGTERM"));
      await new Promise(() => {}); // run until a signal
    });
}

/**
 * Show the demo company being created on first start (several seconds): a bar on a terminal, one line per step
 * otherwise (logs, CI).
 */
async function demoProgressPrinter(): Promise<(step: { label: string; done: number; total: number }) => void> {
  if (!process.stderr.isTTY) {
    return ({ label, done, total }) => {
      if (done < total) process.stderr.write(`Creating the demo company (${done + 1}/${total}): ${label}\n`);
    };
  }
  const { SingleBar } = await import("cli-progress");
  const bar = new SingleBar({
    format: "Creating the demo company [{bar}] {value}/{total} {step}",
    clearOnComplete: true,
    hideCursor: true,
  });
  let started = false;
  return ({ label, done, total }) => {
    if (!started) {
      bar.start(total, 0, { step: label });
      started = true;
    }
    bar.update(done, { step: label });
    if (done >= total) bar.stop();
  };
}
