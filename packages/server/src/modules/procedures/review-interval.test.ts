import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { addMonthsIso, assertLinksAndInterval, effectiveInterval, nextReviewOn } from "./review-interval.ts";

describe("procedure review interval", () => {
  it("adds months without spilling into the next month", () => {
    expect(addMonthsIso("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsIso("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonthsIso("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonthsIso("2026-05-15", 24)).toBe("2028-05-15");
    expect(nextReviewOn(new Date("2026-03-10T23:30:00Z"), 12)).toBe("2027-03-10");
  });

  it("defaults to 12 months with a yearly-review criterion and 24 otherwise; an explicit value wins", () => {
    expect(effectiveInterval(null, ["7.1", "9.8"])).toBe(12);
    expect(effectiveInterval(null, ["7.1"])).toBe(24);
    expect(effectiveInterval(36, ["7.1"])).toBe(36);
  });

  it("refuses unknown criteria and more than 12 months for yearly-review criteria", () => {
    const code = (fn: () => void) => {
      try {
        fn();
        return "ok";
      } catch (err) {
        return err instanceof AppError ? err.code : "other";
      }
    };
    expect(code(() => assertLinksAndInterval(["6.99"], null))).toBe("rule_violation");
    for (const id of ["2.3", "4.6", "6.1", "9.8"]) {
      expect(code(() => assertLinksAndInterval([id], 13))).toBe("rule_violation");
      expect(code(() => assertLinksAndInterval([id], 12))).toBe("ok");
    }
    expect(code(() => assertLinksAndInterval(["6.2", "7.1"], 60))).toBe("ok");
  });
});
