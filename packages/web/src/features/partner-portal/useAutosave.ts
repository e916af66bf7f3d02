import { useCallback, useEffect, useRef, useState } from "react";
import type { Answer } from "../questionnaires/api";
import type { PartnerItem } from "./api";

export interface Draft {
  answer: Answer | null;
  comment: string;
}

/** idle: nothing typed yet · pending: waiting for the pause · saving · saved · error: the last save failed. */
export type SaveState = "idle" | "pending" | "saving" | "saved" | "error";

const same = (a: Draft, b: Draft) => a.answer === b.answer && a.comment.trim() === b.comment.trim();

/**
 * A debounced draft save for one item. Saves run one at a time, always with the newest draft: a change typed
 * while a save is on its way is sent right after it, so the server never ends with an older text than the screen.
 * `flush` saves now and resolves true once everything typed is stored.
 */
export function useAutosave(options: { initial: Draft; save: (d: Draft) => Promise<PartnerItem>; onSaved: (item: PartnerItem) => void }) {
  const [draft, setDraftState] = useState<Draft>(options.initial);
  const [state, setState] = useState<SaveState>("idle");
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(options.initial);
  const stored = useRef(options.initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  const opts = useRef(options);
  opts.current = options;

  const run = useCallback((): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (running.current) {
      // Chain behind the save in flight; it re-checks the newest draft when it ends.
      return running.current.then(() => run());
    }
    if (same(latest.current, stored.current)) {
      setState((s) => (s === "idle" ? s : "saved"));
      return Promise.resolve(true);
    }
    const sending = latest.current;
    setState("saving");
    const p = opts.current
      .save({ answer: sending.answer, comment: sending.comment })
      .then((item) => {
        stored.current = sending;
        setError(null);
        opts.current.onSaved(item);
        return true;
      })
      .catch((e: unknown) => {
        setError(e);
        setState("error");
        return false;
      })
      .finally(() => {
        running.current = null;
      });
    running.current = p;
    return p.then((ok) => (ok ? run() : false));
  }, []);

  const setDraft = useCallback(
    (patch: Partial<Draft>, delayMs: number) => {
      latest.current = { ...latest.current, ...patch };
      setDraftState(latest.current);
      setState("pending");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void run(), delayMs);
    },
    [run],
  );

  // Leaving the page (or the item) with a pending change: send it rather than lose it.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        void run();
      }
    },
    [run],
  );

  return { draft, setDraft, state, error, flush: run };
}
