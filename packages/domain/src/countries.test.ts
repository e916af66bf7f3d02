import { describe, expect, it } from "vitest";
import { CountryCodeSchema, countryName, isCountryCode } from "./countries.ts";

describe("countries", () => {
  it("accepts assigned alpha-2 codes and names them in English and Spanish", () => {
    expect(isCountryCode("MX")).toBe(true);
    expect(countryName("MX", "es")).toBe("México");
    expect(countryName("DE", "en")).toBe("Germany");
  });
  it("refuses unassigned, lower-case and three-letter codes", () => {
    for (const bad of ["XX", "mx", "MEX", "", "ZZ"]) {
      expect(CountryCodeSchema.safeParse(bad).success).toBe(false);
    }
  });
});
