import { describe, expect, it } from "vitest";
import { type CertificationFacts, certifiedStatus, isActiveCertification, nextVerificationOn, rescreenDueOn } from "./partners.present.ts";

const cert = (over: Partial<CertificationFacts>): CertificationFacts => ({
  program: "ctpat",
  status: "active",
  valid_from: null,
  valid_to: null,
  ...over,
});
const TODAY = "2026-11-28";

describe("certifiedStatus", () => {
  it("prefers an active CTPAT certification, then an active MRA one", () => {
    expect(certifiedStatus([cert({ program: "mx-oea" }), cert({})], TODAY)).toBe("ctpat");
    expect(certifiedStatus([cert({ program: "mx-oea" }), cert({ status: "revoked" })], TODAY)).toBe("mra");
  });

  it("counts validity by day: valid through validTo, not before validFrom", () => {
    expect(certifiedStatus([cert({ valid_to: TODAY })], TODAY)).toBe("ctpat");
    expect(certifiedStatus([cert({ valid_to: "2026-11-27" })], TODAY)).toBe("expired");
    expect(certifiedStatus([cert({ valid_from: "2026-11-29" })], TODAY)).toBe("none");
    expect(isActiveCertification(cert({ valid_from: TODAY }), TODAY)).toBe(true);
  });

  it("calls a lapsed certification expired, but a suspended or revoked one nothing", () => {
    expect(certifiedStatus([cert({ status: "expired" })], TODAY)).toBe("expired");
    expect(certifiedStatus([cert({ status: "suspended", valid_to: "2020-01-01" })], TODAY)).toBe("none");
    expect(certifiedStatus([cert({ status: "revoked" })], TODAY)).toBe("none");
    expect(certifiedStatus([], TODAY)).toBe("none");
  });
});

describe("dates", () => {
  it("schedules rescreens by risk and re-verification a year out, clamping month ends", () => {
    expect(rescreenDueOn("2026-01-31", "high")).toBe("2026-07-31");
    expect(rescreenDueOn("2026-08-31", "high")).toBe("2027-02-28");
    expect(rescreenDueOn("2026-01-15", "medium")).toBe("2027-01-15");
    expect(rescreenDueOn("2026-01-15", "low")).toBe("2028-01-15");
    expect(nextVerificationOn("2024-02-29")).toBe("2025-02-28");
    expect(nextVerificationOn(null)).toBeNull();
  });
});
