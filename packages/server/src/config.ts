import path from "node:path";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", "yes", "no", "on", "off"]).transform((v) => ["true", "1", "yes", "on"].includes(v));

/**
 * Every setting Portcullis reads from the environment. Each key is documented in README.md.
 * Parsed once at start; an invalid value prints every problem and stops the process.
 */
const EnvSchema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 to reach the app from other devices (e.g. a phone on the dock). */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** PostgreSQL connection string; when unset the embedded database in PORTCULLIS_DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder for the embedded database, evidence files and keys. */
  PORTCULLIS_DATA_DIR: z.string().min(1).default(".portcullis"),
  /** Folder for the audit signing key (defaults to <data dir>/keys); keep it outside the database. */
  PORTCULLIS_KEY_DIR: z.string().min(1).optional(),
  /** Maximum PostgreSQL pool size per process. */
  PORTCULLIS_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  /** Log level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(12),
  /** Mark cookies Secure (set true behind HTTPS). */
  COOKIE_SECURE: bool.default(false),
  /** Failed logins allowed per address and e-mail within LOGIN_WINDOW_MINUTES. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** Window for counting failed logins. */
  LOGIN_WINDOW_MINUTES: z.coerce.number().min(1).max(1440).default(15),
  /** What this process runs: web (HTTP only), worker (jobs only) or all. */
  PORTCULLIS_ROLE: z.enum(["web", "worker", "all"]).default("all"),
  /** Seed the demo company when the database has no tenant yet. */
  PORTCULLIS_DEMO: bool.default(true),
  /** Trust X-Forwarded-For (set when behind a reverse proxy). */
  TRUST_PROXY: bool.default(false),
  /** Job poll interval in milliseconds. */
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Folder for evidence files (defaults to <data dir>/evidence); content-addressed by SHA-256. */
  PORTCULLIS_EVIDENCE_DIR: z.string().min(1).optional(),
  /** Largest evidence upload accepted, in megabytes. */
  UPLOAD_MAX_MB: z.coerce.number().min(0.01).max(2048).default(25),
});

export type Env = z.infer<typeof EnvSchema>;

/** The typed configuration object passed through the app. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  keyDir: string;
  dbPoolSize: number;
  logLevel: Env["LOG_LEVEL"];
  sessionTtlMs: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  loginWindowMs: number;
  role: Env["PORTCULLIS_ROLE"];
  seedDemo: boolean;
  trustProxy: boolean;
  jobsPollMs: number;
  evidenceDir: string;
  uploadMaxBytes: number;
}

/** Thrown when the environment is invalid; `problems` lists every bad key. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parse configuration from an environment map plus explicit overrides (CLI flags win). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(pickDefined(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(overrides.dataDir ?? e.PORTCULLIS_DATA_DIR);
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    keyDir: path.resolve(e.PORTCULLIS_KEY_DIR ?? path.join(dataDir, "keys")),
    dbPoolSize: e.PORTCULLIS_DB_POOL,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
    role: e.PORTCULLIS_ROLE,
    seedDemo: e.PORTCULLIS_DEMO,
    trustProxy: e.TRUST_PROXY,
    jobsPollMs: e.JOBS_POLL_MS,
    evidenceDir: path.resolve(e.PORTCULLIS_EVIDENCE_DIR ?? path.join(dataDir, "evidence")),
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
  };
  const merged = { ...config, ...stripUndefined(overrides) };
  if (overrides.dataDir && !e.PORTCULLIS_KEY_DIR && !overrides.keyDir) {
    merged.keyDir = path.join(merged.dataDir, "keys");
  }
  if (overrides.dataDir && !e.PORTCULLIS_EVIDENCE_DIR && !overrides.evidenceDir) {
    merged.evidenceDir = path.join(merged.dataDir, "evidence");
  }
  return merged;
}

function pickDefined(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== "") {
      out[key] = v;
    }
  }
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
