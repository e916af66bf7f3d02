import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaller, type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { samplePdf } from "../../test/multipart.ts";
import { filesUnder, PNG, upload } from "./evidence.fixtures.ts";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("evidence vault", () => {
  let h: Harness;
  let owner: Caller;
  let analyst: Caller;
  let inspector: Caller;
  let other: Caller;
  const vaultPath = (tenantId: string, sha: string) => path.join(h.config.evidenceDir, tenantId, sha.slice(0, 2), sha);
  const tmpFiles = () => filesUnder(path.join(h.config.evidenceDir, "tmp"));
  const counts = async (tenantId: string) =>
    (
      await h.rawQuery(
        `SELECT (SELECT count(*)::int FROM evidence_items WHERE tenant_id = $1) AS items,
                (SELECT count(*)::int FROM evidence_versions WHERE tenant_id = $1) AS versions,
                (SELECT count(*)::int FROM evidence_links WHERE tenant_id = $1) AS links,
                (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1) AS events`,
        [tenantId],
      )
    )[0];

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
    analyst = await addCaller(h, owner.tenantId, "analyst");
    inspector = await addCaller(h, owner.tenantId, "inspector");
    other = await createTenantFixture(h);
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  it("uploads, lists, reads and downloads the same bytes with safe headers (GET and HEAD)", async () => {
    const pdf = samplePdf("Seal control policy");
    const res = await upload(analyst, "/api/evidence", {
      title: "Seal control policy",
      description: "ISO 17712 high-security seals, issued and logged by the dock lead.",
      category: "document",
      effectiveOn: "2026-01-01",
      expiresOn: "2099-12-31",
      remindDays: "30",
      criterionIds: "6.2, 6.3",
      file: { filename: "Política de sellos.pdf", contentType: "application/pdf", data: pdf },
    });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      title: "Seal control policy",
      category: "document",
      currentVersion: 1,
      status: "valid",
      linkCount: 2,
      latest: { version: 1, sha256: sha256(pdf), sizeBytes: pdf.length, mediaType: "application/pdf", filename: "Política de sellos.pdf" },
    });
    expect(view.latest.uploadedBy).toEqual({ id: analyst.userId, displayName: analyst.email });
    expect(fs.readFileSync(vaultPath(owner.tenantId, sha256(pdf)))).toEqual(pdf);
    expect(tmpFiles()).toEqual([]);

    const ids = async (query: string) =>
      (await inspector.request("GET", `/api/evidence?${query}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids("q=control")).toContain(view.id);
    expect(await ids("criterionId=6.2")).toContain(view.id);
    expect(await ids("criterionId=7.1")).not.toContain(view.id);
    expect(await ids("status=valid")).toContain(view.id);
    expect(await ids("status=expired")).not.toContain(view.id);
    expect(await ids("archived=true")).not.toContain(view.id);

    const detail = (await inspector.request("GET", `/api/evidence/${view.id}`)).json();
    expect(detail.versions).toHaveLength(1);
    expect(detail.links.map((l: { targetId: string }) => l.targetId)).toEqual(["6.2", "6.3"]);
    expect(detail.links[0].targetType).toBe("criterion");
    expect(detail.links[0].label.length).toBeLessThanOrEqual(121);
    expect(detail.links[0].label.length).toBeGreaterThan(10);

    const dl = await inspector.request("GET", `/api/evidence/${view.id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload).toEqual(pdf);
    expect(dl.headers["x-evidence-sha256"]).toBe(sha256(pdf));
    expect(sha256(dl.rawPayload)).toBe(dl.headers["x-evidence-sha256"]);
    expect(dl.headers["content-type"]).toBe("application/pdf");
    expect(dl.headers["x-content-type-options"]).toBe("nosniff");
    expect(dl.headers["content-security-policy"]).toMatch(/^sandbox/);
    expect(dl.headers["content-disposition"]).toBe(
      "attachment; filename=\"Politica de sellos.pdf\"; filename*=UTF-8''Pol%C3%ADtica%20de%20sellos.pdf",
    );
    const head = await inspector.request("HEAD", `/api/evidence/${view.id}/download`);
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers["x-evidence-sha256"]).toBe(sha256(pdf));
    expect(head.headers["content-length"]).toBe(String(pdf.length));
  });

  it("adds versions; every version stays downloadable and the same bytes are stored once", async () => {
    const v1 = Buffer.from("Seal log, January\n");
    const created = (
      await upload(owner, "/api/evidence", { title: "Seal log", file: { filename: "seals.txt", contentType: "text/plain", data: v1 } })
    ).json();
    const second = await upload(owner, "/api/evidence", {
      title: "Seal log copy",
      file: { filename: "copy.txt", contentType: "", data: v1 },
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().latest.sha256).toBe(sha256(v1));
    const v2 = Buffer.from("Seal,Container\n0042,MSCU1234567\n");
    const res = await upload(analyst, `/api/evidence/${created.id}/versions`, {
      note: "February log",
      file: { filename: "seals.csv", contentType: "text/csv", data: v2 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ currentVersion: 2, latest: { version: 2, mediaType: "text/csv", note: "February log" } });
    const latest = await owner.request("GET", `/api/evidence/${created.id}/download`);
    expect(latest.rawPayload).toEqual(v2);
    expect(latest.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const first = await owner.request("GET", `/api/evidence/${created.id}/download?version=1`);
    expect(first.rawPayload).toEqual(v1);
    expect((await owner.request("GET", `/api/evidence/${created.id}/download?version=3`)).statusCode).toBe(404);
    const detail = (await owner.request("GET", `/api/evidence/${created.id}`)).json();
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Two items and two versions point at v1's bytes; the vault holds one file for them.
    const dir = path.join(h.config.evidenceDir, owner.tenantId);
    expect(filesUnder(dir).filter((f) => f.endsWith(sha256(v1)))).toEqual([path.join(sha256(v1).slice(0, 2), sha256(v1))]);
    expect(tmpFiles()).toEqual([]);
  });

  it("links to criteria and the company's own procedures; refuses unknown targets and changes nothing", async () => {
    const item = (
      await upload(owner, "/api/evidence", {
        title: "Dock photo",
        category: "photo",
        file: { filename: "dock.png", contentType: "image/png", data: PNG },
      })
    ).json();
    const ownProc = randomUUID();
    const theirProc = randomUUID();
    const insertProc = (id: string, tenantId: string, title: string) =>
      h.rawQuery("INSERT INTO procedures (id, tenant_id, code, title) VALUES ($1, $2, $3, $4)", [
        id,
        tenantId,
        `SOP-${id.slice(0, 6)}`,
        title,
      ]);
    await insertProc(ownProc, owner.tenantId, "Seal verification (VVTT)");
    await insertProc(theirProc, other.tenantId, "Their secret procedure");
    const link = (body: unknown, kind = "links") => analyst.request("POST", `/api/evidence/${item.id}/${kind}`, body);

    expect((await link({ targetType: "criterion", targetId: "6.5" })).json().linkCount).toBe(1);
    expect((await link({ targetType: "criterion", targetId: "6.5" })).json().linkCount).toBe(1);
    expect((await link({ targetType: "procedure", targetId: ownProc })).json().linkCount).toBe(2);
    const before = await counts(owner.tenantId);
    const unknown = await link({ targetType: "criterion", targetId: "13.1" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("validation_failed");
    const foreign = await link({ targetType: "procedure", targetId: theirProc });
    const missing = await link({ targetType: "procedure", targetId: randomUUID() });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.body).toBe(missing.body);
    expect(await counts(owner.tenantId)).toEqual(before);

    const detail = (await inspector.request("GET", `/api/evidence/${item.id}`)).json();
    expect(detail.links).toEqual([
      { targetType: "criterion", targetId: "6.5", label: expect.any(String) },
      { targetType: "procedure", targetId: ownProc, label: "Seal verification (VVTT)" },
    ]);
    expect((await link({ targetType: "criterion", targetId: "6.5" }, "unlink")).json().linkCount).toBe(1);
    expect((await inspector.request("GET", "/api/evidence?criterionId=6.5")).json().items).toEqual([]);
    expect(
      (await inspector.request("POST", `/api/evidence/${item.id}/links`, { targetType: "criterion", targetId: "6.5" })).statusCode,
    ).toBe(403);
  });

  it("updates details, computes the status, archives and restores", async () => {
    const item = (
      await upload(owner, "/api/evidence", {
        title: "Training roster",
        category: "training",
        file: { filename: "roster.csv", contentType: "text/csv", data: "Name,Date\nAna,2026-01-10\n" },
      })
    ).json();
    expect(item.status).toBe("no-expiry");
    const patch = (body: unknown) => analyst.request("PATCH", `/api/evidence/${item.id}`, body);
    expect((await patch({ expiresOn: "2020-01-01" })).json().status).toBe("expired");
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    expect((await patch({ expiresOn: soon, remindDays: 10 })).json().status).toBe("expiring");
    expect((await patch({ remindDays: 0 })).json().status).toBe("valid");
    const ids = async (q: string) => (await owner.request("GET", `/api/evidence?${q}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids("status=valid&category=training")).toEqual([item.id]);
    const bad = await patch({ effectiveOn: "2099-01-01" });
    expect(bad.statusCode).toBe(400);
    expect((await owner.request("GET", `/api/evidence/${item.id}`)).json().effectiveOn).toBeNull();

    const archived = (await analyst.request("POST", `/api/evidence/${item.id}/archive`)).json();
    expect(archived.archivedAt).not.toBeNull();
    expect(await ids("category=training")).toEqual([]);
    expect(await ids("category=training&archived=true")).toEqual([item.id]);
    const refused = await upload(analyst, `/api/evidence/${item.id}/versions`, {
      file: { filename: "r.txt", contentType: "text/plain", data: "x" },
    });
    expect(refused.statusCode).toBe(422);
    expect((await analyst.request("POST", `/api/evidence/${item.id}/restore`)).json().archivedAt).toBeNull();
    expect(await ids("category=training")).toEqual([item.id]);
  });

  it("answers for another company's evidence exactly as for missing evidence", async () => {
    const theirs = (
      await upload(other, "/api/evidence", { title: "Their audit", file: { filename: "a.txt", contentType: "text/plain", data: "secret" } })
    ).json();
    const missing = randomUUID();
    for (const [method, suffix] of [
      ["GET", ""],
      ["GET", "/download"],
      ["HEAD", "/download"],
      ["POST", "/archive"],
    ] as const) {
      const a = await owner.request(method, `/api/evidence/${theirs.id}${suffix}`);
      const b = await owner.request(method, `/api/evidence/${missing}${suffix}`);
      expect(a.statusCode, `${method} ${suffix}`).toBe(404);
      expect(a.body).toBe(b.body);
    }
    const version = await upload(owner, `/api/evidence/${theirs.id}/versions`, {
      file: { filename: "x.txt", contentType: "text/plain", data: "mine" },
    });
    expect(version.statusCode).toBe(404);
    expect((await other.request("GET", `/api/evidence/${theirs.id}`)).json().currentVersion).toBe(1);
    expect(tmpFiles()).toEqual([]);
  });

  it("records every write in the audit chain with the file hash, and the chain verifies", async () => {
    const data = Buffer.from(`Audit trail ${randomUUID()}\n`);
    const item = (
      await upload(owner, "/api/evidence", { title: "Audited", file: { filename: "a.txt", contentType: "text/plain", data } })
    ).json();
    await upload(owner, `/api/evidence/${item.id}/versions`, { file: { filename: "b.txt", contentType: "text/plain", data: "v2\n" } });
    await owner.request("PATCH", `/api/evidence/${item.id}`, { title: "Audited (renamed)" });
    await owner.request("POST", `/api/evidence/${item.id}/links`, { targetType: "criterion", targetId: "1.1" });
    await owner.request("POST", `/api/evidence/${item.id}/unlink`, { targetType: "criterion", targetId: "1.1" });
    await owner.request("POST", `/api/evidence/${item.id}/archive`);
    await owner.request("POST", `/api/evidence/${item.id}/restore`);
    const events = (await owner.request("GET", `/api/audit/events?entityType=evidence&entityId=${item.id}&limit=50`)).json().items;
    expect(events.map((e: { action: string }) => e.action).reverse()).toEqual([
      "evidence.create",
      "evidence.version",
      "evidence.update",
      "evidence.link",
      "evidence.unlink",
      "evidence.archive",
      "evidence.restore",
    ]);
    const created = events.find((e: { action: string }) => e.action === "evidence.create");
    expect(JSON.stringify(created)).toContain(sha256(data));
    const verify = (await owner.request("GET", "/api/audit/verify")).json();
    expect(verify.ok).toBe(true);
    expect(verify.events).toBeGreaterThan(7);
  });
});
