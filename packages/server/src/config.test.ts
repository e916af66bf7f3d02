import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("applies defaults and resolves the data and key directories", () => {
    const c = loadConfig({}, { dataDir: "/tmp/pc" });
    expect(c).toMatchObject({ port: 3000, host: "127.0.0.1", dataDir: "/tmp/pc", keyDir: "/tmp/pc/keys", role: "all", seedDemo: true });
    expect(c.databaseUrl).toBeUndefined();
  });

  it("reports every invalid key at once", () => {
    try {
      loadConfig({ PORT: "99999", LOG_LEVEL: "loud", DATABASE_URL: "not a url", COOKIE_SECURE: "maybe" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join("\n");
      for (const key of ["PORT", "LOG_LEVEL", "DATABASE_URL", "COOKIE_SECURE"]) {
        expect(problems).toContain(key);
      }
    }
  });

  it("parses booleans and durations", () => {
    const c = loadConfig({ COOKIE_SECURE: "true", SESSION_TTL_HOURS: "2", PORTCULLIS_DEMO: "off" });
    expect(c.cookieSecure).toBe(true);
    expect(c.sessionTtlMs).toBe(7_200_000);
    expect(c.seedDemo).toBe(false);
  });
});
