import { describe, expect, it } from "vitest";
import { naStatusOf, reviewDueOf } from "./security-profile.present.ts";

describe("profile item rules", () => {
  it("falls due one year after the last review, never later", () => {
    expect(reviewDueOf(null)).toBeNull();
    expect(reviewDueOf("2025-06-30")).toBe("2026-06-30");
    expect(reviewDueOf("2024-02-29")).toBe("2025-02-28");
    expect(reviewDueOf("2023-02-28")).toBe("2024-02-28");
    expect(reviewDueOf("2025-12-31")).toBe("2026-12-31");
  });

  it("asks approval only for a Must marked not applicable", () => {
    expect(naStatusOf("must", "not_applicable", null)).toBe("pending");
    expect(naStatusOf("must", "not_applicable", new Date())).toBe("approved");
    expect(naStatusOf("should", "not_applicable", null)).toBe("none");
    expect(naStatusOf("must", "implemented", new Date())).toBe("none");
  });
});
