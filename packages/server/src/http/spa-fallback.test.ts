import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.ts";
import type { AppDeps } from "./context.ts";

/**
 * The web app's client-side routes must load on a reload or a shared link, including paths that look like a
 * file name (criterion pages such as /profile/6.1), while a missing script stays a 404.
 */
describe("web app fallback", () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "portcullis-dist-"));
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Portcullis shell</title>");
    const deps = { config: { logLevel: "silent", trustProxy: false, uploadMaxBytes: 1024 }, db: null, key: null, version: "t" };
    app = await buildApp({ deps: deps as unknown as AppDeps, logger: false, webDist: dist });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it.each(["/profile/6.1", "/profile/12.10", "/criteria", "/evidence/3f0c2a7e-0000-4000-8000-000000000000"])(
    "serves the shell for %s",
    async (url) => {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain("Portcullis shell");
    },
  );

  it.each(["/assets/missing.js", "/missing.css", "/favicon.ico", "/api/nothing-here"])(
    "answers %s with a 404, not the shell",
    async (url) => {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Portcullis shell");
    },
  );
});
