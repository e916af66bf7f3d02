import { describe, expect, it } from "vitest";
import { type ChainedEventBody, ChainVerifier, GENESIS_HASH, hashEvent, type StoredChainEvent } from "./audit-chain.ts";

function chain(n: number): StoredChainEvent[] {
  const events: StoredChainEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body: ChainedEventBody = {
      tenantId: "t1",
      seq,
      actorId: null,
      actorLabel: "tester",
      action: "site.create",
      entityType: "site",
      entityId: `s${seq}`,
      before: null,
      after: { name: `Site ${seq}` },
      requestId: null,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
    };
    const hash = hashEvent(prev, body);
    events.push({ ...body, id: `e${seq}`, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

function verify(events: StoredChainEvent[]) {
  const v = new ChainVerifier();
  for (const e of events) if (!v.push(e)) break;
  return v;
}

describe("ChainVerifier", () => {
  it("accepts an intact chain and an empty one", () => {
    expect(verify(chain(50)).broken).toBeNull();
    expect(verify(chain(50)).count).toBe(50);
    expect(verify([]).headHash).toBe(GENESIS_HASH);
  });

  it("detects an edited field at its sequence number", () => {
    const events = chain(10);
    events[4] = { ...events[4]!, after: { name: "Edited" } };
    expect(verify(events).broken).toMatchObject({ kind: "hash-mismatch", seq: 5 });
  });

  it("detects a deleted event as a sequence gap", () => {
    const events = chain(10);
    events.splice(3, 1);
    expect(verify(events).broken).toMatchObject({ kind: "sequence-gap", expectedSeq: 4, foundSeq: 5 });
  });

  it("detects a re-hashed event that was not re-linked", () => {
    const events = chain(10);
    const { id: _i, prevHash, hash: _h, ...body } = events[6]!;
    const forged = { ...body, actorLabel: "mallory" };
    events[6] = { ...forged, id: "e7", prevHash, hash: hashEvent(prevHash, forged) };
    expect(verify(events).broken).toMatchObject({ kind: "prev-hash-mismatch", seq: 8 });
  });

  it("changes the hash when any protected field changes", () => {
    const [e] = chain(1);
    const { id: _i, prevHash, hash, ...body } = e!;
    for (const key of Object.keys(body) as (keyof ChainedEventBody)[]) {
      const changed = { ...body, [key]: key === "seq" ? 99 : `${String(body[key])}x` };
      expect(hashEvent(prevHash, changed as ChainedEventBody)).not.toBe(hash);
    }
  });
});
