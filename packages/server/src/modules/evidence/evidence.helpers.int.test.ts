import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withScope } from "../../db/tx.ts";
import { type Caller, createTenantFixture } from "../../test/factories.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { seedEvidenceDemo } from "./evidence.demo.ts";
import { filesUnder } from "./evidence.fixtures.ts";
import { listEvidenceForTargets } from "./evidence.service.ts";

/** The helpers other modules call: the demo seeder and the evidence-per-target lookup. */
describe("evidence helpers for other modules", () => {
  let h: Harness;
  let owner: Caller;
  const actor = () => ({ id: owner.userId, label: owner.email });

  beforeAll(async () => {
    h = await createHarness();
    owner = await createTenantFixture(h);
  }, 120_000);
  afterAll(() => h?.close(), 60_000);

  it("seeds demo evidence through the vault: PDF or text files, links, audit events", async () => {
    const [audit, roster] = await seedEvidenceDemo({
      db: h.db,
      config: h.config,
      tenantId: owner.tenantId,
      actor: actor(),
      items: [
        {
          title: "Seal audit — Laredo dock",
          category: "inspection",
          text: "Seals verified with VVTT on 40 containers.",
          criterionIds: ["6.2", "6.5"],
          expiresOn: "2020-01-01",
        },
        { title: "Guard roster", category: "training", text: "Ana Ruiz\nLuis Soto\n", criterionIds: ["12.1"], format: "text" },
      ],
    });
    expect(audit).toMatchObject({
      status: "expired",
      linkCount: 2,
      latest: { mediaType: "application/pdf", filename: "seal-audit-laredo-dock.pdf" },
    });
    expect(roster).toMatchObject({ status: "no-expiry", linkCount: 1, latest: { mediaType: "text/plain", filename: "guard-roster.txt" } });
    const dl = await owner.request("GET", `/api/evidence/${audit?.id}/download`);
    expect(dl.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(createHash("sha256").update(dl.rawPayload).digest("hex")).toBe(audit?.latest.sha256);
    const rosterFile = path.join(
      h.config.evidenceDir,
      owner.tenantId,
      roster?.latest.sha256.slice(0, 2) ?? "",
      roster?.latest.sha256 ?? "",
    );
    expect(fs.readFileSync(rosterFile, "utf8")).toBe("Ana Ruiz\nLuis Soto\n");
    const events = (await owner.request("GET", "/api/audit/events?action=evidence.create")).json().items;
    expect(events).toHaveLength(2);
    expect((await owner.request("GET", "/api/audit/verify")).json().ok).toBe(true);
  });

  it("refuses demo data with an unknown criterion and stores nothing", async () => {
    const before = await h.rawQuery("SELECT count(*)::int AS n FROM evidence_items WHERE tenant_id = $1", [owner.tenantId]);
    await expect(
      seedEvidenceDemo({
        db: h.db.kysely,
        config: h.config,
        tenantId: owner.tenantId,
        actor: actor(),
        items: [{ title: "Bad", category: "other", text: "x", criterionIds: ["42.1"] }],
      }),
    ).rejects.toThrow(/42\.1/);
    expect(await h.rawQuery("SELECT count(*)::int AS n FROM evidence_items WHERE tenant_id = $1", [owner.tenantId])).toEqual(before);
    expect(filesUnder(path.join(h.config.evidenceDir, "tmp"))).toEqual([]);
  });

  it("lists the live evidence linked to each target, with its status", async () => {
    const [seal, extra] = await seedEvidenceDemo({
      db: h.db,
      config: h.config,
      tenantId: owner.tenantId,
      actor: actor(),
      items: [
        { title: "A seal log", category: "document", text: "log", criterionIds: ["6.2"], format: "text" },
        { title: "B archived seal photo", category: "photo", text: "old", criterionIds: ["6.2"], format: "text" },
      ],
    });
    await owner.request("POST", `/api/evidence/${extra?.id}/archive`);
    const other = await createTenantFixture(h);
    await seedEvidenceDemo({
      db: h.db,
      config: h.config,
      tenantId: other.tenantId,
      actor: { id: other.userId, label: other.email },
      items: [{ title: "Not yours", category: "document", text: "theirs", criterionIds: ["6.2"], format: "text" }],
    });
    const map = await withScope(h.db.kysely, { tenantId: owner.tenantId, userId: owner.userId }, (tx) =>
      listEvidenceForTargets(tx, owner.tenantId, "criterion", ["6.2", "1.1"]),
    );
    expect([...map.keys()].sort()).toEqual(["1.1", "6.2"]);
    expect(map.get("1.1")).toEqual([]);
    const titles = map.get("6.2")?.map((e) => e.title);
    expect(titles).toContain("A seal log");
    expect(titles).not.toContain("B archived seal photo");
    expect(titles).not.toContain("Not yours");
    expect(map.get("6.2")?.find((e) => e.id === seal?.id)).toEqual({
      id: seal?.id,
      title: "A seal log",
      currentVersion: 1,
      sha256: seal?.latest.sha256,
      filename: "a-seal-log.txt",
      expiresOn: null,
      status: "no-expiry",
    });
  });
});
