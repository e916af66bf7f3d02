import { afterAll, beforeAll, expect, it } from "vitest";
import { type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { Multipart } from "../../test/multipart.ts";
let h: Harness; let owner: Caller;
beforeAll(async () => { h = await createHarness(); owner = await createTenantFixture(h); }, 120_000);
afterAll(() => h?.close(), 60_000);
it("accepts 30 MB", async () => {
  const data = `name,remarks\nBig Fictitious Party,"${"x".repeat(30 * 1024 * 1024)}"\n`;
  const m = new Multipart({ name: "big", source: "csl", file: { filename: "big.csv", contentType: "text/csv", data } });
  const res = await owner.request("POST", "/api/screening/lists", m.payload, { "content-type": m.contentType });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
  expect(h.config.uploadMaxBytes).toBeLessThan(30 * 1024 * 1024);
});
