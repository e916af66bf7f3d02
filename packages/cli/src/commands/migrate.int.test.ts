import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliEnv, createCliEnv, SETUP_TIMEOUT } from "../test/cli-env.ts";

describe("portcullis migrate / demo", () => {
  let cli: CliEnv;
  beforeAll(async () => {
    cli = await createCliEnv();
  }, SETUP_TIMEOUT);
  afterAll(() => cli.close(), SETUP_TIMEOUT);

  it("migrate applies what is pending, by name, then says the database is up to date", async () => {
    if (cli.kind === "postgres") {
      // A new, empty database: every migration runs, starting with the foundation.
      const first = await cli.run(["migrate"]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^Applied 20261128000000_foundation$/m);
    }
    // PGlite starts from the run's migrated snapshot, so it is up to date at once.
    const again = await cli.run(["migrate"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe("Database is up to date.\n");
  });

  it("demo adds the demo company even when companies exist (a second demo included) and prints its sign-in", async () => {
    const first = await cli.run(["demo"]);
    const second = await cli.run(["demo"]);
    const ids = [first, second].map((res) => {
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain("Sign in with demo@portcullis.example / portcullis-demo");
      return /Demo company "Sierra Norte Imports, Inc." created \(tenant ([0-9a-f-]{36})\)/.exec(res.stdout)?.[1];
    });
    expect(ids[0]).toBeDefined();
    expect(ids[1]).not.toBe(ids[0]);
  });
});
