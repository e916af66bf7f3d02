import type { Answer } from "../questionnaires/api";

/** What the partner typed for one item. */
export interface Draft {
  answer: Answer | null;
  comment: string;
}

/** idle: nothing typed yet · pending: waiting for the pause · saving · saved · error: the last save failed. */
export type SaveState = "idle" | "pending" | "saving" | "saved" | "error";

const same = (a: Draft, b: Draft) => a.answer === b.answer && a.comment.trim() === b.comment.trim();

/** A debounced, one-at-a-time saver for one item's draft (see createSaveQueue). */
export interface SaveQueue {
  /** Change the draft and save it after `delayMs` of quiet. */
  update(patch: Partial<Draft>, delayMs: number): Draft;
  /** Save now; resolves true once everything typed so far is stored, false when a save failed. */
  flush(): Promise<boolean>;
  /** Whether a change is still waiting for its pause. */
  hasPending(): boolean;
}

/**
 * Saves run one at a time and always send the newest draft: a change made while a save is on its way is sent
 * right after it, so the server never ends up with an older text than the screen. A draft equal to what is
 * stored is not sent again.
 */
export function createSaveQueue<R>(o: {
  initial: Draft;
  save: (d: Draft) => Promise<R>;
  onState: (state: SaveState, error: unknown) => void;
  onSaved: (result: R) => void;
}): SaveQueue {
  let latest = o.initial;
  let stored = o.initial;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<boolean> | null = null;
  let touched = false;

  const run = (): Promise<boolean> => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    // Chain behind the save in flight; it re-checks the newest draft when it ends.
    if (running) return running.then(() => run());
    if (same(latest, stored)) {
      if (touched) o.onState("saved", null);
      return Promise.resolve(true);
    }
    const sending = latest;
    o.onState("saving", null);
    const attempt = o
      .save(sending)
      .then((result) => {
        stored = sending;
        o.onSaved(result);
        return true;
      })
      .catch((e: unknown) => {
        o.onState("error", e);
        return false;
      })
      .finally(() => {
        running = null;
      });
    running = attempt;
    return attempt.then((ok) => (ok ? run() : false));
  };

  return {
    update(patch, delayMs) {
      latest = { ...latest, ...patch };
      touched = true;
      o.onState("pending", null);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), delayMs);
      return latest;
    },
    flush: run,
    hasPending: () => timer !== null,
  };
}
