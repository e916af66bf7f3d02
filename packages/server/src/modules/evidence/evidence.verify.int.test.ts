import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture, unique } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { PNG, upload } from "./evidence.fixtures.ts";
import { evidenceFilePath } from "./evidence.store.ts";

/** The vault check and the download's own integrity checks, against real files on disk. */
describe("evidence vault integrity", () => {
  let h: Harness;
  let owner: Caller;
  let auditor: Caller;
  let other: Caller;
  const text = () => `Seal log ${unique("page")}\n`;

  const create = async (caller: Caller, file: { filename: string; contentType: string; data: string | Buffer }) => {
    const res = await upload(caller, "/api/evidence", { title: unique("Evidence"), file });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; title: string; latest: { sha256: string; sizeBytes: number } };
  };
  const verify = async (caller: Caller) => {
    const res = await caller.request("POST", "/api/evidence/verify");
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const pathOf = (caller: Caller, sha256: string) => evidenceFilePath(h.config.evidenceDir, caller.tenantId, sha256);

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    auditor = await addCaller(h, owner.tenantId, "auditor");
    other = await createTenantFixture(h);
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  it("reads every stored file once, reports an intact vault, and records the check in the audit trail", async () => {
    const shared = text();
    const a = await create(owner, { filename: "a.txt", contentType: "text/plain", data: shared });
    await create(owner, { filename: "copy.txt", contentType: "text/plain", data: shared });
    const png = await create(owner, { filename: "dock.png", contentType: "image/png", data: PNG });
    const res = await verify(auditor);
    expect(res).toMatchObject({ ok: true, files: 2, versions: 3, problems: [] });
    expect(res.bytes).toBe(a.latest.sizeBytes + png.latest.sizeBytes);
    const events = (await owner.request("GET", "/api/audit/events?action=evidence.verify&limit=5")).json().items;
    expect(events[0]).toMatchObject({ action: "evidence.verify", after: { ok: true, files: 2, versions: 3, problems: [] } });
  });

  it("names damaged and missing files with every version that points at them; the other company's vault is not involved", async () => {
    const shared = text();
    const first = await create(owner, { filename: "gate.txt", contentType: "text/plain", data: shared });
    const second = await create(owner, { filename: "gate-copy.txt", contentType: "text/plain", data: shared });
    const gone = await create(owner, { filename: "gone.txt", contentType: "text/plain", data: text() });
    const theirs = await create(other, { filename: "theirs.txt", contentType: "text/plain", data: text() });
    // Same length, different bytes: only the hash can tell.
    const damaged = pathOf(owner, first.latest.sha256);
    fs.writeFileSync(damaged, Buffer.alloc(fs.statSync(damaged).size, "x"));
    fs.rmSync(pathOf(owner, gone.latest.sha256));

    const res = await verify(owner);
    expect(res.ok).toBe(false);
    const byHash = new Map(res.problems.map((p: { sha256: string }) => [p.sha256, p]));
    expect(byHash.get(first.latest.sha256)).toMatchObject({ state: "damaged" });
    expect((byHash.get(first.latest.sha256) as { versions: { evidenceId: string }[] }).versions.map((v) => v.evidenceId).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect(byHash.get(gone.latest.sha256)).toMatchObject({ state: "missing", versions: [{ evidenceId: gone.id, version: 1 }] });
    expect(byHash.has(theirs.latest.sha256)).toBe(false);
    expect(await verify(other)).toMatchObject({ ok: true, problems: [] });
  });

  it("refuses to download a missing file (410 file_missing) and aborts a download whose bytes no longer match", async () => {
    const gone = await create(owner, { filename: "lost.txt", contentType: "text/plain", data: text() });
    fs.rmSync(pathOf(owner, gone.latest.sha256));
    for (const method of ["GET", "HEAD"] as const) {
      const res = await owner.request(method, `/api/evidence/${gone.id}/download`);
      expect(res.statusCode).toBe(410);
      if (method === "GET") expect(res.json().error.code).toBe("file_missing");
    }

    const altered = await create(owner, { filename: "altered.txt", contentType: "text/plain", data: text() });
    const file = pathOf(owner, altered.latest.sha256);
    fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, "y"));
    const outcome = await owner.request("GET", `/api/evidence/${altered.id}/download`).then(
      (res) => ({ delivered: res.statusCode === 200 && res.rawPayload.length === altered.latest.sizeBytes, body: res.body }),
      () => ({ delivered: false, body: "" }),
    );
    expect(outcome.delivered, `altered bytes were delivered whole: ${outcome.body}`).toBe(false);
  });

  it("is open to every internal role and to no anonymous caller", async () => {
    const inspector = await addCaller(h, owner.tenantId, "inspector");
    expect((await inspector.request("POST", "/api/evidence/verify")).statusCode).toBe(200);
    expect((await h.app.inject({ method: "POST", url: "/api/evidence/verify" })).statusCode).toBe(401);
  });
});
