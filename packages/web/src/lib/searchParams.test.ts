import { describe, expect, it } from "vitest";
import { applyParamChanges } from "./searchParams";

const params = (s: string) => new URLSearchParams(s);

describe("applyParamChanges", () => {
  it("sets non-empty values and removes empty ones", () => {
    const next = applyParamChanges(params("a=1&b=2"), { a: "3", b: null, c: "x", d: "", e: undefined });
    expect(next.toString()).toBe("a=3&c=x");
  });

  it("leaves the original untouched", () => {
    const prev = params("a=1");
    applyParamChanges(prev, { a: null });
    expect(prev.toString()).toBe("a=1");
  });

  it("drops the reset keys unless the change sets them", () => {
    expect(applyParamChanges(params("status=x&page=3&new=1"), { status: "y" }, ["page", "new"]).toString()).toBe("status=y");
    expect(applyParamChanges(params("status=x&page=3&new=1"), { page: "4" }, ["page", "new"]).toString()).toBe("status=x&page=4");
    expect(applyParamChanges(params("status=x&page=3"), { page: null }, ["page"]).toString()).toBe("status=x");
  });
});
