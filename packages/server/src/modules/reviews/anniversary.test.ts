import { describe, expect, it } from "vitest";
import { nextAnniversary, reviewWindow } from "./anniversary.ts";

describe("annual review dates", () => {
  it("recurs the anniversary's month and day, on or after today", () => {
    expect(nextAnniversary("2019-03-14", "2026-11-30")).toBe("2027-03-14");
    expect(nextAnniversary("2019-03-14", "2027-03-14")).toBe("2027-03-14");
    expect(nextAnniversary("2019-03-14", "2027-03-15")).toBe("2028-03-14");
    expect(nextAnniversary("2031-12-01", "2026-06-01")).toBe("2026-12-01");
  });

  it("puts 29 February on the 28th in common years", () => {
    expect(nextAnniversary("2020-02-29", "2026-01-10")).toBe("2026-02-28");
    expect(nextAnniversary("2020-02-29", "2027-03-01")).toBe("2028-02-29");
  });

  it("opens the window 90 days before the anniversary", () => {
    expect(reviewWindow("2019-03-14", "2026-12-13")).toEqual({
      anniversaryDate: "2019-03-14",
      nextAnniversary: "2027-03-14",
      windowOpensOn: "2026-12-14",
      windowOpen: false,
    });
    expect(reviewWindow("2019-03-14", "2026-12-14").windowOpen).toBe(true);
    expect(reviewWindow(null, "2026-12-14")).toMatchObject({ nextAnniversary: null, windowOpen: false });
  });
});
