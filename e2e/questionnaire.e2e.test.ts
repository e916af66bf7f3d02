import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.ts";
import { type ServerProcess, startServerProcess } from "./support/server.ts";

const DEMO = { email: "demo@portcullis.example", password: "portcullis-demo" };
const PARTNER_NAME = "Transportes Río Bravo";
const CHANGE_COMMENT = "Describe cómo verifican el sello en cada cruce, por favor.";

/**
 * The partner questionnaire end to end: the reviewer creates a questionnaire and an invitation link; the partner,
 * on a phone-sized screen in a browser with no account, opens the link, answers in Spanish and submits; the
 * reviewer sends one answer back; the partner fixes it in the same session and submits again; the reviewer
 * accepts everything and sees the score.
 */
describe("browser journey: a partner answers a security questionnaire through an invitation link", () => {
  let server: ServerProcess;
  let browser: Browser;
  let reviewer: Page;
  let partnerContext: BrowserContext;
  let partner: Page;
  let link = "";
  let questionnaireUrl = "";
  let sentBackId = "";
  const partnerApiCalls: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portcullis-e2e-q-"));
  const evidenceFile = path.join(dir, "bitacora-sellos.csv");

  beforeAll(async () => {
    fs.writeFileSync(evidenceFile, "sello,fecha,verificado_por\nMX-100233,2026-03-30,J. Ramírez\n");
    server = await startServerProcess({ env: { PORTCULLIS_DEMO: "true" }, timeoutMs: 90_000 });
    browser = await launchChromium();
    reviewer = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The reviewer's detail page, freshly loaded. */
  async function openDetail(): Promise<void> {
    await reviewer.goto(questionnaireUrl);
    await reviewer.getByTestId("review-panel").waitFor();
  }

  const statusOf = () => reviewer.getByTestId("questionnaire-status").first().getAttribute("data-status");

  it("signs in as the reviewer and registers a Mexican carrier as a partner", async () => {
    await reviewer.goto(`${server.url}/login`);
    await reviewer.locator('input[name="email"]').fill(DEMO.email);
    await reviewer.locator('input[name="password"]').fill(DEMO.password);
    await reviewer.getByTestId("login-submit").click();
    await reviewer.getByTestId("user-menu").waitFor();
    // The partner registry has screens of its own; here the partner only needs to exist.
    const csrf = (await reviewer.context().cookies()).find((c) => c.name === "pc_csrf")?.value ?? "";
    const res = await reviewer.request.post(`${server.url}/api/partners`, {
      data: { name: PARTNER_NAME, type: "highway-carrier", countryCode: "MX" },
      headers: { "x-csrf-token": csrf },
    });
    expect(res.status()).toBe(201);
  });

  it("creates a questionnaire for the partner, in Spanish by default", async () => {
    await reviewer.goto(`${server.url}/questionnaires`);
    // The demo company already has questionnaires of its own partners; this one is for the new partner.
    await reviewer.getByTestId("questionnaire-new").click();
    await reviewer.getByTestId("questionnaire-new-partner").fill("Río");
    await reviewer.getByRole("option", { name: new RegExp(PARTNER_NAME) }).click();
    // A Mexican partner gets the Spanish wording unless the reviewer says otherwise.
    await expect.poll(() => reviewer.getByTestId("questionnaire-new-lang").locator("input:checked").getAttribute("value")).toBe("es");
    await reviewer.getByTestId("questionnaire-new-submit").click();
    await reviewer.waitForURL(/\/questionnaires\/[0-9a-f-]{36}$/);
    questionnaireUrl = reviewer.url();
    await reviewer.getByTestId("invitation-panel").waitFor();
    expect(await statusOf()).toBe("draft");
    expect(await reviewer.getByTestId("review-item").count()).toBeGreaterThan(10);
  });

  it("creates an invitation link, shown once with its expiry", async () => {
    await reviewer.getByTestId("invitation-create").click();
    const input = reviewer.getByTestId("invitation-link");
    await input.waitFor();
    link = await input.inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/q/[A-Za-z0-9_-]{43}$`));
    expect(await reviewer.getByTestId("invitation-expires").textContent()).toMatch(/\d{4}/);
    await reviewer.getByTestId("invitation-done").click();
    await expect.poll(() => reviewer.getByTestId("invitation-link").count()).toBe(0);
    await expect.poll(statusOf).toBe("sent");
    expect(await reviewer.getByTestId("invitation-row").getAttribute("data-state")).toBe("open");
  });

  it("lets the partner open the link on a phone without spending it, then start", async () => {
    partnerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-US", hasTouch: true });
    partner = await partnerContext.newPage();
    partner.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith("/api/")) partnerApiCalls.push(`${r.method()} ${url.pathname}`);
    });
    await partner.goto(link);
    const landing = partner.getByTestId("portal-landing");
    await landing.waitFor();
    expect(await partner.getByTestId("portal-landing-partner").textContent()).toContain(PARTNER_NAME);
    expect(await partner.getByTestId("portal-landing-company").textContent()).toContain("Sierra Norte");
    // Opening the page (as a mail scanner would) spent nothing: the link is still unused.
    await reviewer.reload();
    await reviewer.getByTestId("invitation-row").waitFor();
    expect(await reviewer.getByTestId("invitation-row").getAttribute("data-state")).toBe("open");

    await partner.getByTestId("portal-start").click();
    await partner.getByTestId("portal-item").first().waitFor();
  });

  it("answers every question in Spanish, a few partially, with a comment and a file", async () => {
    await partner.getByTestId("lang-switch").getByText("ES", { exact: true }).click();
    await expect.poll(() => partner.locator("html").getAttribute("lang")).toBe("es");
    const items = partner.getByTestId("portal-item");
    const total = await items.count();
    expect(total).toBeGreaterThan(10);
    for (let i = 0; i < total; i++) {
      const item = items.nth(i);
      await item.getByRole("radio", { name: i % 7 === 3 ? "Parcialmente" : "Sí", exact: true }).check();
    }
    const first = items.first();
    await first.getByTestId("portal-comment").fill("Sellos ISO 17712 verificados con el método VVTT en cada cruce.");
    await first.getByTestId("portal-evidence-input").setInputFiles(evidenceFile);
    await first.getByTestId("portal-evidence-file").filter({ hasText: "bitacora-sellos.csv" }).waitFor();
    await expect.poll(() => partner.getByTestId("portal-save-state").getAttribute("data-state"), { timeout: 20_000 }).toBe("saved");
    const progress = partner.getByTestId("portal-progress");
    expect(await progress.getAttribute("data-answered")).toBe(String(total));
    expect(await partner.locator('[data-testid="portal-item"][data-answer="partial"]').count()).toBe(Math.floor((total + 3) / 7));
  });

  it("submits after confirming", async () => {
    await partner.getByTestId("portal-submit").click();
    await partner.getByTestId("portal-submit-confirm").click();
    await partner.getByTestId("portal-submitted").waitFor();
    expect(await partner.getByTestId("portal-submitted").textContent()).toContain("Gracias");
  });

  it("the reviewer sends one answer back with a comment", async () => {
    await openDetail();
    expect(await statusOf()).toBe("submitted");
    const partial = reviewer
      .locator('[data-testid="review-item"]')
      .filter({ has: reviewer.locator('[data-answer="partial"]') })
      .first();
    sentBackId = (await partial.getAttribute("data-criterion-id")) ?? "";
    expect(sentBackId).not.toBe("");
    await partial.getByTestId("review-change").click();
    await partial.getByTestId("review-comment").fill(CHANGE_COMMENT);
    await reviewer.getByTestId("review-accept-all").click();
    await reviewer.getByTestId("review-submit").click();
    await reviewer.getByTestId("review-confirm").click();
    await expect.poll(statusOf).toBe("changes_requested");
  });

  it("the partner, in the same session, sees only that answer open, fixes it and submits again", async () => {
    await partner.reload();
    await partner.getByTestId("portal-changes").waitFor();
    const editable = partner.locator('[data-testid="portal-item"][data-editable="true"]');
    expect(await editable.count()).toBe(1);
    expect(await editable.getAttribute("data-criterion-id")).toBe(sentBackId);
    expect(await editable.getByTestId("portal-change-request").textContent()).toContain(CHANGE_COMMENT);
    await editable.getByRole("radio", { name: "Sí", exact: true }).check();
    await editable.getByTestId("portal-comment").fill("Verificamos el sello con VVTT en cada cruce y lo registramos en la bitácora.");
    await expect.poll(() => partner.getByTestId("portal-save-state").getAttribute("data-state"), { timeout: 20_000 }).toBe("saved");
    await partner.getByTestId("portal-submit").click();
    await partner.getByTestId("portal-submit-confirm").click();
    await partner.getByTestId("portal-submitted").waitFor();
  });

  it("the reviewer compares the rounds, accepts everything and sees the score", async () => {
    await openDetail();
    expect(await statusOf()).toBe("submitted");
    const row = reviewer.locator(`[data-testid="rounds-row"][data-criterion-id="${sentBackId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(CHANGE_COMMENT);
    expect(await reviewer.getByTestId("review-item").count()).toBe(1);
    await reviewer.getByTestId("review-accept-all").click();
    await reviewer.getByTestId("review-submit").click();
    await reviewer.getByTestId("review-confirm").click();
    await reviewer.getByTestId("questionnaire-accepted").waitFor();
    expect(await statusOf()).toBe("accepted");
    const score = Number(await reviewer.getByTestId("questionnaire-score").getAttribute("data-score"));
    // Everything "Yes" except a few "Partially": high, but not perfect.
    expect(score).toBeGreaterThan(80);
    expect(score).toBeLessThan(100);
  });

  it("the partner page never touched the app's own API, and a spent link stays dead elsewhere", async () => {
    await partner.reload();
    await partner.getByTestId("portal-accepted").waitFor();
    expect(partnerApiCalls.length).toBeGreaterThan(5);
    expect(partnerApiCalls.filter((c) => !/^[A-Z]+ \/api\/(partner-access|partner)\//.test(c))).toEqual([]);

    // Another tab of the partner's browser: the link is spent, the partner session still opens the questionnaire.
    const sameBrowser = await partnerContext.newPage();
    await sameBrowser.goto(link);
    await sameBrowser.getByTestId("portal-accepted").waitFor();
    await sameBrowser.close();

    const other: Page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "es-MX" });
    await other.goto(link);
    await other.getByTestId("portal-invalid").waitFor();
    expect(await other.getByTestId("portal-invalid").textContent()).toContain("ya no es válido");
    await other.close();
  });

  it("revoking all access ends the partner's session at once", async () => {
    await openDetail();
    await reviewer.getByTestId("invitation-revoke-all").click();
    await reviewer.getByRole("dialog").getByRole("button", { name: "Revoke all access" }).click();
    await partner.reload();
    await partner.getByTestId("portal-invalid").waitFor();
  });
});
