import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.ts";
import { type ServerProcess, startServerProcess } from "./support/server.ts";

const DEMO = { email: "demo@portcullis.example", password: "portcullis-demo" };
// 6.2 (seal every sealable shipment) is a Must for importers, the demo company's entity type.
const CRITERION = "6.2";
const NARRATIVE =
  "Dock staff apply ISO 17712 bolt seals right after stuffing and log each number in the Laredo seal register (journey 7Q2).";
const EVIDENCE_TITLE = "Laredo seal register, March";
const EVIDENCE_BODY = "Seal register\n2026-03-02 seal MX4471230 container MSKU1234565\n";

// pdf.js reads the 14 standard PDF fonts' metrics from its package when a PDF uses them (PDFKit's Helvetica does).
const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/** All the text of a PDF, page by page, with pdf.js (the legacy build runs in Node). */
async function pdfText(data: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false, standardFontDataUrl }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  await doc.destroy();
  return parts.join(" ");
}

/** Text compared without whitespace: the PDF wraps long lines wherever it likes. */
const squash = (s: string) => s.replace(/\s+/g, "");

describe("browser journey: gap dashboard, assess one criterion, upload evidence, export the PDF", () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  const api = async <T>(path: string): Promise<T> => {
    const cookies = await page.context().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const res = await fetch(`${server.url}/api${path}`, { headers: { cookie } });
    expect(res.status, `GET ${path}`).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    server = await startServerProcess({ env: { PORTCULLIS_DEMO: "true" }, timeoutMs: 90_000 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US", acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it("signs in and opens the gap dashboard", async () => {
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="email"]').fill(DEMO.email);
    await page.locator('input[name="password"]').fill(DEMO.password);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-profile").click();
    await page.getByTestId("profile-score").waitFor();
    await page.getByTestId("profile-row").first().waitFor();
    // The list holds every criterion that applies to an importer, 6.2 among them.
    const gaps = await api<{ totals: { total: number } }>("/security-profile/gaps");
    expect(await page.getByTestId("profile-row").count()).toBe(gaps.totals.total);
    expect(await page.locator(`[data-testid=profile-row][data-criterion-id="${CRITERION}"]`).count()).toBe(1);
  });

  it("opens one criterion and records its status and narrative", async () => {
    await page.locator(`[data-testid=profile-row][data-criterion-id="${CRITERION}"] [data-testid=profile-row-link]`).click();
    await page.getByTestId("profile-item-form").waitFor();
    expect(await page.getByTestId("profile-item-requirement").textContent()).toContain("ISO 17712");
    await page.getByTestId("profile-status-implemented").check();
    await page.getByTestId("profile-narrative").fill(NARRATIVE);
    await page.getByTestId("profile-save").click();
    await expect.poll(() => page.getByTestId("profile-item-status-badge").getAttribute("data-status")).toBe("implemented");
    const item = await api<{ status: string; narrative: string | null }>(`/security-profile/items/${CRITERION}`);
    expect(item).toMatchObject({ status: "implemented", narrative: NARRATIVE });
  });

  it("uploads a small evidence file right there and sees it linked", async () => {
    // The demo company already keeps seal evidence for this criterion: the new file adds to it.
    const before = await api<{ evidenceCount: number }>(`/security-profile/items/${CRITERION}`);
    await page.getByTestId("profile-evidence-input").waitFor({ state: "attached" });
    await page.getByTestId("profile-evidence-input").setInputFiles({
      name: "seal-register.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(EVIDENCE_BODY),
    });
    await page.getByTestId("profile-evidence-title").fill(EVIDENCE_TITLE);
    await page.getByTestId("profile-evidence-upload").click();
    const row = page.getByTestId("profile-evidence-row").filter({ hasText: EVIDENCE_TITLE });
    await row.waitFor();
    const item = await api<{ evidenceCount: number; evidence: { title: string; sha256: string | null }[] }>(
      `/security-profile/items/${CRITERION}`,
    );
    expect(item.evidenceCount).toBe(before.evidenceCount + 1);
    expect(item.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: EVIDENCE_TITLE, sha256: createHash("sha256").update(EVIDENCE_BODY).digest("hex") }),
      ]),
    );
  });

  it("exports the profile as a PDF that opens and carries the narrative", async () => {
    await page.getByTestId("nav-profile").click();
    await page.getByTestId("profile-export-pdf").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("profile-export-pdf").click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/i);
    const file = await download.path();
    const bytes = new Uint8Array(fs.readFileSync(file));
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(squash(text)).toContain(squash(NARRATIVE));
    expect(squash(text)).toContain(squash(EVIDENCE_TITLE));
  });
});
