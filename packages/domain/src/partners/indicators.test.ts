import { describe, expect, it } from "vitest";
import {
  FORCED_LABOR_CHECKS,
  getWarningIndicator,
  TBML_TF_INDICATORS,
  WARNING_INDICATOR_CODES,
  WARNING_INDICATORS,
  WarningIndicatorCodeSchema,
} from "./indicators.ts";

describe("warning indicators", () => {
  it("gives every indicator a unique, stable code prefixed by its list", () => {
    expect(new Set(WARNING_INDICATOR_CODES).size).toBe(WARNING_INDICATORS.length);
    for (const i of TBML_TF_INDICATORS) expect(i).toMatchObject({ list: "tbml-tf", code: expect.stringMatching(/^tbml\.[a-z-]+$/) });
    for (const i of FORCED_LABOR_CHECKS) expect(i).toMatchObject({ list: "forced-labor", code: expect.stringMatching(/^fl\.[a-z-]+$/) });
  });

  it("labels every indicator in English and Spanish, differently, with a source and a grade", () => {
    for (const i of WARNING_INDICATORS) {
      expect(i.label.en.length).toBeGreaterThan(5);
      expect(i.label.es.length).toBeGreaterThan(5);
      expect(i.label.es).not.toBe(i.label.en);
      expect(i.source.length).toBeGreaterThan(0);
      expect(["verified", "secondary", "uncertain"]).toContain(i.certainty);
    }
  });

  it("covers the consultants' TBML signs and the forced-labor program elements", () => {
    for (const code of ["tbml.high-risk-jurisdiction", "tbml.price-mismatch", "tbml.cash-payments", "tbml.complex-letters-of-credit"]) {
      expect(getWarningIndicator(code)?.list).toBe("tbml-tf");
    }
    expect(FORCED_LABOR_CHECKS.filter((i) => i.group === "program").map((i) => i.code)).toContain("fl.no-code-of-conduct");
    expect(getWarningIndicator("fl.retained-documents")?.label.es).toMatch(/documentos/);
  });

  it("accepts known codes only", () => {
    expect(WarningIndicatorCodeSchema.safeParse("fl.debt-bondage").success).toBe(true);
    expect(WarningIndicatorCodeSchema.safeParse("fl.unknown").success).toBe(false);
    expect(WarningIndicatorCodeSchema.safeParse("TBML.PRICE-MISMATCH").success).toBe(false);
    expect(getWarningIndicator("nope")).toBeUndefined();
  });
});
