import { describe, expect, it } from "vitest";
import { computePageRange } from "./paging";

describe("computePageRange", () => {
  it("gives the rows of a page inside the list", () => {
    expect(computePageRange(1, 25, 12)).toEqual({ page: 1, pages: 1, from: 1, to: 12 });
    expect(computePageRange(2, 20, 45)).toEqual({ page: 2, pages: 3, from: 21, to: 40 });
    expect(computePageRange(3, 20, 45)).toEqual({ page: 3, pages: 3, from: 41, to: 45 });
  });

  it("ends a full last page on the total", () => {
    expect(computePageRange(2, 20, 40)).toEqual({ page: 2, pages: 2, from: 21, to: 40 });
  });

  it("treats a page past the end as the last page", () => {
    expect(computePageRange(2, 25, 12)).toEqual({ page: 1, pages: 1, from: 1, to: 12 });
    expect(computePageRange(9, 20, 45)).toEqual({ page: 3, pages: 3, from: 41, to: 45 });
  });

  it("treats a page below 1 or not a number as the first page", () => {
    expect(computePageRange(0, 20, 45)).toMatchObject({ page: 1, from: 1, to: 20 });
    expect(computePageRange(Number.NaN, 20, 45)).toMatchObject({ page: 1, from: 1, to: 20 });
  });

  it("has one empty page when there is nothing", () => {
    expect(computePageRange(1, 20, 0)).toEqual({ page: 1, pages: 1, from: 0, to: 0 });
    expect(computePageRange(3, 20, 0)).toEqual({ page: 1, pages: 1, from: 0, to: 0 });
  });
});
