import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.ts";
import { type ServerProcess, startServerProcess } from "./support/server.ts";

const DEMO = { email: "demo@portcullis.example", password: "portcullis-demo" };

describe("browser journey: sign in, Spanish, create a site, see it in the audit log, verify the chain", () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServerProcess({ env: { PORTCULLIS_DEMO: "true" }, timeoutMs: 90_000 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it("signs in with the demo login", async () => {
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="email"]').fill(DEMO.email);
    await page.locator('input[name="password"]').fill(DEMO.password);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-sites").waitFor();
    expect(page.url()).not.toContain("/login");
  });

  it("switches the interface to Spanish", async () => {
    await page.getByTestId("lang-switch").getByText("ES", { exact: true }).click();
    await expect.poll(() => page.getByTestId("nav-sites").textContent()).toBe("Sitios");
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
  });

  it("creates a site from the sites screen", async () => {
    await page.getByTestId("nav-sites").click();
    await page.getByTestId("site-new").click();
    await page.locator('input[name="name"]').fill("Centro de distribución Monterrey");
    await page.getByTestId("site-kind").click();
    await page.getByRole("option", { name: /centro de distribución/i }).click();
    await page.getByTestId("site-country").fill("México");
    await page
      .getByRole("option", { name: /méxico/i })
      .first()
      .click();
    await page.locator('input[name="address"]').fill("Av. Constitución 400, Monterrey, N.L.");
    await page.locator('input[name="latitude"]').fill("25.67");
    await page.locator('input[name="longitude"]').fill("-100.31");
    await page.getByTestId("site-submit").click();
    await page.getByText("Centro de distribución Monterrey").first().waitFor();
  });

  it("shows the site's creation in the audit log and verifies the chain", async () => {
    await page.getByTestId("nav-audit").click();
    const row = page.getByTestId("audit-row").filter({ hasText: "site.create" }).first();
    await row.waitFor();
    await page.getByTestId("audit-verify").click();
    const result = page.getByTestId("audit-verify-result");
    await result.waitFor();
    await expect.poll(() => result.getAttribute("data-ok")).toBe("true");
    // The API agrees with what the screen says.
    const cookies = await page.context().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const verify = (await fetch(`${server.url}/api/audit/verify`, { headers: { cookie } }).then((r) => r.json())) as { ok: boolean };
    expect(verify.ok).toBe(true);
    const events = (await fetch(`${server.url}/api/audit/events?entityType=site&action=site.create`, { headers: { cookie } }).then((r) =>
      r.json(),
    )) as { items: { after: { name?: string } | null }[] };
    expect(events.items.some((e) => e.after?.name === "Centro de distribución Monterrey")).toBe(true);
  });
});
