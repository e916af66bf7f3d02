import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.ts";

/** The hash that precedes the first event of every tenant's chain. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that the chain protects. */
export interface ChainedEventBody {
  tenantId: string;
  seq: number;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  occurredAt: string;
}

/** SHA-256 over the previous hash and the canonical JSON of the event body, hex encoded. */
export function hashEvent(prevHash: string, body: ChainedEventBody): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(body)).digest("hex");
}

/** One stored event as the verifier sees it. */
export interface StoredChainEvent extends ChainedEventBody {
  id: string;
  prevHash: string;
  hash: string;
}

/** Why a chain failed to verify, at the first event that breaks it. */
export type ChainBreak =
  | { kind: "sequence-gap"; expectedSeq: number; foundSeq: number; eventId: string }
  | { kind: "prev-hash-mismatch"; seq: number; eventId: string }
  | { kind: "hash-mismatch"; seq: number; eventId: string }
  | { kind: "checkpoint-mismatch"; seq: number; detail: string };

/** Incremental verifier so a chain of any length can be streamed in pages. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  /** Number of events accepted so far. */
  count = 0;
  /** The first break found, if any; verification stops there. */
  broken: ChainBreak | null = null;
  private readonly seen = new Map<number, string>();

  constructor(private readonly remember: Set<number> = new Set()) {}

  /** Feed the next event in sequence order. Returns false once the chain is broken. */
  push(event: StoredChainEvent): boolean {
    if (this.broken) {
      return false;
    }
    if (event.seq !== this.expectedSeq) {
      this.broken = { kind: "sequence-gap", expectedSeq: this.expectedSeq, foundSeq: event.seq, eventId: event.id };
      return false;
    }
    if (event.prevHash !== this.prevHash) {
      this.broken = { kind: "prev-hash-mismatch", seq: event.seq, eventId: event.id };
      return false;
    }
    const { id: _id, prevHash: _p, hash: _h, ...body } = event;
    if (hashEvent(this.prevHash, body) !== event.hash) {
      this.broken = { kind: "hash-mismatch", seq: event.seq, eventId: event.id };
      return false;
    }
    if (this.remember.has(event.seq)) {
      this.seen.set(event.seq, event.hash);
    }
    this.prevHash = event.hash;
    this.expectedSeq += 1;
    this.count += 1;
    return true;
  }

  /** Hash of the last accepted event (the genesis hash for an empty chain). */
  get headHash(): string {
    return this.prevHash;
  }

  /** Hash recorded for a remembered sequence number. */
  hashAt(seq: number): string | undefined {
    return this.seen.get(seq);
  }
}
