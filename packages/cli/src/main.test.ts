import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "./main.ts";

/** Run the CLI in this process and capture what it prints. Only for paths that never open a database. */
async function runInProcess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

describe("portcullis command line", () => {
  afterEach(() => vi.restoreAllMocks());

  it("--help lists every command", async () => {
    const res = await runInProcess(["--help"]);
    expect(res.code).toBe(0);
    for (const name of ["serve", "demo", "migrate", "tenant", "user", "token", "audit", "backup", "restore", "openapi"]) {
      expect(res.stdout).toMatch(new RegExp(`^  ${name}\\b`, "m"));
    }
  });

  it("every subcommand has --help", async () => {
    for (const argv of [
      ["tenant", "create"],
      ["tenant", "list"],
      ["user", "add"],
      ["user", "deactivate"],
      ["token", "create"],
      ["token", "list"],
      ["token", "revoke"],
      ["audit", "verify"],
      ["audit", "checkpoint"],
      ["backup"],
      ["restore"],
      ["demo"],
      ["migrate"],
      ["serve"],
      ["openapi"],
    ]) {
      const res = await runInProcess([...argv, "--help"]);
      expect(res.code, argv.join(" ")).toBe(0);
      expect(res.stdout).toContain(`Usage: portcullis ${argv.join(" ")}`);
    }
  });

  it("an unknown command exits 2 with a hint to --help", async () => {
    const res = await runInProcess(["tenantz"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/unknown command 'tenantz'.*\(Did you mean tenant\?\).*see 'portcullis --help'/);
  });

  it("a group without its subcommand exits 2 and shows the group's help", async () => {
    const res = await runInProcess(["token"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("Usage: portcullis token");
  });

  it.each([
    [
      ["tenant", "create", "--name", "X", "--entity-type", "castle", "--admin-email", "a@b.test"],
      /^error: --entity-type: unknown entity type "castle" \(expected one of: importer, /,
    ],
    [
      ["tenant", "create", "--name", "X", "--entity-type", ",", "--admin-email", "a@b.test"],
      /^error: --entity-type: give at least one entity type/,
    ],
    [["tenant", "create", "--name", "X", "--entity-type", "importer"], /^error: required option '--admin-email <email>' not specified/],
    [["tenant", "create", "--name", " ", "--entity-type", "importer", "--admin-email", "a@b.test"], /^error: --name: /],
    [
      ["tenant", "create", "--name", "X", "--entity-type", "importer", "--admin-email", "a@b"],
      /^error: --admin-email: not a valid e-mail address/,
    ],
    [
      ["tenant", "create", "--name", "X", "--entity-type", "importer", "--admin-email", "a@b.test", "--admin-password", "short"],
      /^error: --admin-password: must be at least 12 characters/,
    ],
    [["user", "add", "--email", "a@b.test", "--tenant", "X", "--role", "boss"], /^error: --role: unknown role "boss"/],
    [
      ["token", "create", "--email", "a@b.test", "--tenant", "X", "--expires-days", "1.5"],
      /^error: --expires-days: must be a whole number of days/,
    ],
    [["token", "revoke", "--id", "not-a-uuid"], /^error: --id: must be a token id/],
    [["tenant", "list", "--bogus"], /^error: unknown option '--bogus'/],
  ])("bad arguments exit 2 with one line on stderr: %j", async (argv, message) => {
    const res = await runInProcess(argv);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(message);
    expect(res.stderr).toMatch(/\(see 'portcullis .+ --help'\)\n$/);
    expect(res.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("openapi prints the API document without a database", async () => {
    const res = await runInProcess(["openapi"]);
    expect(res.code, res.stderr).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/tenant", "/api/tokens", "/api/audit/verify"]));
  });
});
