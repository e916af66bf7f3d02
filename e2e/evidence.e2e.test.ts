import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.ts";
import { type ServerProcess, startServerProcess } from "./support/server.ts";

const DEMO = { email: "demo@portcullis.example", password: "portcullis-demo" };

describe("browser journey: the evidence vault keeps every version of a file", () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portcullis-e2e-files-"));
  const v1 = path.join(dir, "seal-log-march.csv");
  const v2 = path.join(dir, "seal-log-april.csv");
  const v2Content = "seal,date,verified_by\nMX-100234,2026-04-02,J. Ramírez\nMX-100235,2026-04-03,L. Chu\n";

  beforeAll(async () => {
    fs.writeFileSync(v1, "seal,date,verified_by\nMX-100233,2026-03-30,J. Ramírez\n");
    fs.writeFileSync(v2, v2Content);
    server = await startServerProcess({ env: { PORTCULLIS_DEMO: "true" }, timeoutMs: 90_000 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US", acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("signs in and opens the empty vault", async () => {
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="email"]').fill(DEMO.email);
    await page.locator('input[name="password"]').fill(DEMO.password);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-evidence").click();
    await page.getByTestId("evidence-new").waitFor();
    expect(page.url()).toContain("/evidence");
  });

  it("uploads a file, linked to criterion 6.1, and shows version 1", async () => {
    await page.getByTestId("evidence-new").click();
    await page.locator('[data-testid="evidence-dropzone"] input[type="file"]').setInputFiles(v1);
    await page.locator('input[name="title"]').fill("Seal verification log");
    await page.getByTestId("evidence-criteria").fill("6.1");
    await page.getByRole("option", { name: /^6\.1 · / }).click();
    await page.keyboard.press("Escape");
    await page.getByTestId("evidence-upload-submit").click();
    const row = page.locator('[data-testid="evidence-version-row"][data-version="1"]');
    await row.waitFor();
    expect(await page.getByTestId("evidence-version-row").count()).toBe(1);
    expect(await row.textContent()).toContain("seal-log-march.csv");
    expect(await page.getByTestId("evidence-link-row").first().textContent()).toContain("6.1");
  });

  it("uploads version 2, which becomes the current one", async () => {
    await page.getByTestId("evidence-version-new").click();
    await page.locator('[data-testid="evidence-dropzone"] input[type="file"]').setInputFiles(v2);
    await page.getByTestId("evidence-version-submit").click();
    const row = page.locator('[data-testid="evidence-version-row"][data-version="2"]');
    await row.waitFor();
    expect(await page.getByTestId("evidence-version-row").count()).toBe(2);
    expect(await row.textContent()).toContain("seal-log-april.csv");
    const sha = await row.getByTestId("evidence-version-sha").getAttribute("data-sha256");
    expect(sha).toBe(createHash("sha256").update(v2Content).digest("hex"));
  });

  it("downloads version 2 byte for byte", async () => {
    const download = page.waitForEvent("download");
    await page.locator('[data-testid="evidence-version-row"][data-version="2"]').getByTestId("evidence-download").click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("seal-log-april.csv");
    const saved = await file.path();
    expect(fs.readFileSync(saved, "utf8")).toBe(v2Content);
  });

  it("checks the vault: intact first, then names the version whose file was altered on disk", async () => {
    await page.getByTestId("nav-evidence").click();
    await page.getByTestId("evidence-check").click();
    const ok = page.getByTestId("evidence-check-ok");
    await ok.waitFor();
    expect(await ok.textContent()).toMatch(/match their recorded SHA-256/);
    await page.keyboard.press("Escape");

    // Same length, other bytes: only re-hashing can tell.
    const sha = createHash("sha256").update(v2Content).digest("hex");
    const stored = (fs.readdirSync(path.join(server.dataDir, "evidence"), { recursive: true }) as string[]).find((f) => f.endsWith(sha));
    if (!stored) throw new Error("version 2 is not in the vault");
    fs.writeFileSync(path.join(server.dataDir, "evidence", stored), "x".repeat(Buffer.byteLength(v2Content)));
    await page.getByTestId("evidence-check").click();
    const problem = page.getByTestId("evidence-check-problem");
    await problem.first().waitFor();
    expect(await problem.count()).toBe(1);
    expect(await problem.first().getAttribute("data-state")).toBe("damaged");
    expect(await problem.first().textContent()).toContain("Seal verification log");
  });
});
