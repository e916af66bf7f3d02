import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { samplePdf } from "../../test/multipart.ts";
import { EXE, filesUnder, HTML, PNG, upload } from "./evidence.fixtures.ts";

/** Refused uploads: every failure path answers 4xx in the error shape and leaves no row, no file, no temp file. */
describe("evidence uploads that must be refused", () => {
  let h: Harness;
  let owner: Caller;
  let existingId: string;
  const MAX = 1024;
  const vaultFiles = () => [
    ...filesUnder(path.join(h.config.evidenceDir, owner.tenantId)),
    ...filesUnder(path.join(h.config.evidenceDir, "tmp")),
  ];
  const state = async () => ({
    rows: (
      await h.rawQuery(
        `SELECT (SELECT count(*)::int FROM evidence_items) AS items, (SELECT count(*)::int FROM evidence_versions) AS versions,
                (SELECT count(*)::int FROM evidence_links) AS links, (SELECT count(*)::int FROM audit_events) AS events`,
      )
    )[0],
    files: vaultFiles().sort(),
  });
  /** Send a request that must be refused with `status`/`code` and change nothing at all. */
  async function refused(send: () => Promise<{ statusCode: number; body: string }>, status: number, code: string) {
    const before = await state();
    const res = await send();
    expect(res.statusCode, res.body).toBe(status);
    expect(JSON.parse(res.body).error.code).toBe(code);
    expect(await state()).toEqual(before);
    expect(filesUnder(path.join(h.config.evidenceDir, "tmp"))).toEqual([]);
    return JSON.parse(res.body).error as { code: string; message: string };
  }
  const evidence = (fields: Record<string, unknown>) => () => upload(owner, "/api/evidence", fields as never);

  beforeAll(async () => {
    h = await createHarness({ uploadMaxBytes: MAX });
    owner = await createTenantFixture(h);
    const res = await upload(owner, "/api/evidence", {
      title: "Existing",
      file: { filename: "a.txt", contentType: "text/plain", data: "v1\n" },
    });
    existingId = res.json().id;
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  it("accepts a file of exactly the limit and refuses one byte more with 413", async () => {
    const ok = await upload(owner, "/api/evidence", {
      title: "At limit",
      file: { filename: "max.txt", contentType: "text/plain", data: "x".repeat(MAX) },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const err = await refused(
      evidence({ title: "Too big", file: { filename: "big.txt", contentType: "text/plain", data: "x".repeat(MAX + 1) } }),
      413,
      "payload_too_large",
    );
    expect(err.message).toMatch(/1 KB/);
    await refused(
      () =>
        upload(owner, `/api/evidence/${existingId}/versions`, {
          file: { filename: "big.txt", contentType: "text/plain", data: "y".repeat(50_000) },
        }),
      413,
      "payload_too_large",
    );
    expect((await owner.request("GET", `/api/evidence/${existingId}`)).json().currentVersion).toBe(1);
  });

  it("refuses content whose label lies with 415", async () => {
    const exe = await refused(
      evidence({ title: "Report", file: { filename: "report.pdf", contentType: "application/pdf", data: EXE } }),
      415,
      "unsupported_media_type",
    );
    expect(exe.message).toMatch(/EXE/);
    await refused(
      evidence({ title: "Photo", file: { filename: "photo.png", contentType: "image/png", data: HTML } }),
      415,
      "unsupported_media_type",
    );
    await refused(
      evidence({ title: "Scan", file: { filename: "scan.png", contentType: "image/png", data: samplePdf() } }),
      415,
      "unsupported_media_type",
    );
    await refused(
      evidence({ title: "Scan", file: { filename: "scan.pdf", contentType: "image/png", data: samplePdf() } }),
      415,
      "unsupported_media_type",
    );
    await refused(
      evidence({ title: "Dock", file: { filename: "dock.png", contentType: "text/html", data: PNG } }),
      415,
      "unsupported_media_type",
    );
  });

  it("removes the temporary file when the transaction refuses the change", async () => {
    await owner.request("POST", `/api/evidence/${existingId}/archive`);
    await refused(
      () =>
        upload(owner, `/api/evidence/${existingId}/versions`, { file: { filename: "v2.txt", contentType: "text/plain", data: "v2\n" } }),
      422,
      "rule_violation",
    );
    await owner.request("POST", `/api/evidence/${existingId}/restore`);
  });

  it("refuses unknown criterion IDs before storing anything", async () => {
    const err = await refused(
      evidence({
        title: "Seal log",
        criterionIds: "6.2,99.9, seal",
        file: { filename: "log.txt", contentType: "text/plain", data: "ok\n" },
      }),
      400,
      "validation_failed",
    );
    expect(err.message).toMatch(/99\.9/);
  });

  it("refuses bad fields, a missing or empty file, and extra files", async () => {
    const file = { filename: "a.txt", contentType: "text/plain", data: "hello\n" };
    await refused(evidence({ file }), 400, "validation_failed");
    await refused(evidence({ title: "x", remindDays: "soon", file }), 400, "validation_failed");
    await refused(evidence({ title: "x", remindDays: "400", file }), 400, "validation_failed");
    await refused(evidence({ title: "x", effectiveOn: "2026-05-01", expiresOn: "2026-04-01", file }), 400, "validation_failed");
    await refused(evidence({ title: "x", category: "secret", file }), 400, "validation_failed");
    await refused(evidence({ title: "x", tenantId: owner.tenantId, file }), 400, "validation_failed");
    await refused(evidence({ title: "x\u0000y", file }), 400, "validation_failed");
    await refused(evidence({ title: "No file" }), 400, "validation_failed");
    await refused(evidence({ title: "Empty", file: { ...file, data: "" } }), 400, "validation_failed");
    await refused(evidence({ title: "Two", file, other: file }), 400, "bad_request");
    await refused(evidence({ title: "Wrong field", attachment: file }), 400, "bad_request");
  });

  it("refuses a body that is not multipart (415) or not well-formed multipart (400)", async () => {
    await refused(() => owner.request("POST", "/api/evidence", { title: "JSON" }), 415, "unsupported_media_type");
    await refused(() => owner.request("POST", "/api/evidence", "title=x", { "content-type": "text/plain" }), 415, "unsupported_media_type");
    const boundary = "----portcullis-broken";
    const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBroken\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhalf a fi`;
    await refused(
      () => owner.request("POST", "/api/evidence", truncated, { "content-type": `multipart/form-data; boundary=${boundary}` }),
      400,
      "bad_request",
    );
    await refused(() => owner.request("POST", "/api/evidence", "garbage", { "content-type": "multipart/form-data" }), 400, "bad_request");
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const twice = `${part("title", "A")}${part("title", "B")}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhi\r\n--${boundary}--\r\n`;
    await refused(
      () => owner.request("POST", "/api/evidence", twice, { "content-type": `multipart/form-data; boundary=${boundary}` }),
      400,
      "bad_request",
    );
  });

  it("refuses uploads from read-only roles before reading the body", async () => {
    const inspector = await addCaller(h, owner.tenantId, "inspector");
    await refused(
      () => upload(inspector, "/api/evidence", { title: "Nope", file: { filename: "a.txt", contentType: "text/plain", data: "x" } }),
      403,
      "forbidden",
    );
    expect(fs.existsSync(path.join(h.config.evidenceDir, "tmp")) ? filesUnder(path.join(h.config.evidenceDir, "tmp")) : []).toEqual([]);
  });
});
