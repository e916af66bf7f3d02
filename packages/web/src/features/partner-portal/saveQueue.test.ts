import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSaveQueue, type Draft, type SaveState } from "./saveQueue";

/** A save the test resolves or rejects by hand, recording what was sent. */
function harness(initial: Draft = { answer: null, comment: "" }) {
  const sent: Draft[] = [];
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const states: SaveState[] = [];
  const saved: Draft[] = [];
  const queue = createSaveQueue<Draft>({
    initial,
    save: (d) => {
      sent.push(d);
      return new Promise<Draft>((resolve, reject) => pending.push({ resolve: () => resolve(d), reject }));
    },
    onState: (s) => states.push(s),
    onSaved: (d) => saved.push(d),
  });
  return { queue, sent, pending, states, saved };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe("createSaveQueue (the partner portal's autosave)", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("waits for the pause and sends only the last draft", async () => {
    const h = harness();
    h.queue.update({ comment: "Sel" }, 500);
    vi.advanceTimersByTime(300);
    h.queue.update({ comment: "Sellos ISO" }, 500);
    vi.advanceTimersByTime(499);
    expect(h.sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(h.sent).toEqual([{ answer: null, comment: "Sellos ISO" }]);
    h.pending[0]?.resolve();
    await tick();
    expect(h.states.at(-1)).toBe("saved");
    expect(h.saved).toHaveLength(1);
  });

  it("sends a change made during a save right after it, never two at once", async () => {
    const h = harness();
    h.queue.update({ answer: "yes" }, 100);
    vi.advanceTimersByTime(100);
    expect(h.sent).toHaveLength(1);
    h.queue.update({ answer: "partial" }, 100);
    vi.advanceTimersByTime(100);
    // The first save is still on its way: the second waits for it.
    expect(h.sent).toHaveLength(1);
    h.pending[0]?.resolve();
    await tick();
    expect(h.sent.map((d) => d.answer)).toEqual(["yes", "partial"]);
    h.pending[1]?.resolve();
    await tick();
    expect(h.states.at(-1)).toBe("saved");
  });

  it("flush saves at once and resolves when everything is stored; nothing is sent again when unchanged", async () => {
    const h = harness({ answer: "no", comment: "x" });
    h.queue.update({ answer: "yes" }, 10_000);
    const done = h.queue.flush();
    expect(h.sent).toEqual([{ answer: "yes", comment: "x" }]);
    h.pending[0]?.resolve();
    await expect(done).resolves.toBe(true);
    await expect(h.queue.flush()).resolves.toBe(true);
    expect(h.sent).toHaveLength(1);
    expect(h.queue.hasPending()).toBe(false);
  });

  it("reports a failed save, and a later flush retries the same draft", async () => {
    const h = harness();
    h.queue.update({ answer: "no" }, 10);
    const first = h.queue.flush();
    h.pending[0]?.reject(new Error("offline"));
    await expect(first).resolves.toBe(false);
    expect(h.states.at(-1)).toBe("error");
    const second = h.queue.flush();
    expect(h.sent.map((d) => d.answer)).toEqual(["no", "no"]);
    h.pending[1]?.resolve();
    await expect(second).resolves.toBe(true);
    expect(h.states.at(-1)).toBe("saved");
  });

  it("treats a comment that differs only by surrounding spaces as already saved", async () => {
    const h = harness({ answer: "yes", comment: "ok" });
    h.queue.update({ comment: " ok  " }, 10);
    await expect(h.queue.flush()).resolves.toBe(true);
    expect(h.sent).toEqual([]);
  });
});
