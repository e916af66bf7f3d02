import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DaysArg, describeIssues, EmailArg, EntityTypesArg, flagName } from "./args.ts";

describe("CLI argument schemas", () => {
  it("entity types may repeat and be comma-separated; case and duplicates are normalised", () => {
    expect(EntityTypesArg.parse(["importer,3PL", " exporter ", "importer"])).toEqual(["importer", "3pl", "exporter"]);
  });

  it("an unknown entity type is named, with the list of valid ones", () => {
    const res = EntityTypesArg.safeParse(["importer,smuggler"]);
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.message).toMatch(/^unknown entity type "smuggler" \(expected one of: importer, exporter,/);
  });

  it("e-mail addresses are trimmed and lower-cased", () => {
    expect(EmailArg.parse("  Dana@Example.COM ")).toBe("dana@example.com");
    expect(EmailArg.safeParse("dana@").success).toBe(false);
  });

  it("days must be a whole number from 1 to 3650", () => {
    expect(DaysArg.parse("30")).toBe(30);
    for (const bad of ["0", "3651", "-1", "7d", ""]) {
      expect(DaysArg.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("issues name the option as typed on the command line", () => {
    expect(flagName(["adminEmail"])).toBe("--admin-email");
    expect(flagName([])).toBe("arguments");
    const schema = z.object({ adminEmail: EmailArg, expiresDays: DaysArg });
    expect(describeIssues(schema.safeParse({ expiresDays: "1" }).error as z.ZodError)).toBe("--admin-email: is required");
  });
});
