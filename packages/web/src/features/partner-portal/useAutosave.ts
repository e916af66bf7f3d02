import { useEffect, useRef, useState } from "react";
import type { PartnerItem } from "./api";
import { createSaveQueue, type Draft, type SaveQueue, type SaveState } from "./saveQueue";

export type { Draft, SaveState } from "./saveQueue";

/**
 * One item's draft with a debounced save (see createSaveQueue): the draft on screen, the save state, the last
 * error, and `flush` to save at once (before sending the questionnaire).
 */
export function useAutosave(options: { initial: Draft; save: (d: Draft) => Promise<PartnerItem>; onSaved: (item: PartnerItem) => void }) {
  const [draft, setDraft] = useState<Draft>(options.initial);
  const [state, setState] = useState<SaveState>("idle");
  const [error, setError] = useState<unknown>(null);
  const opts = useRef(options);
  opts.current = options;
  const queue = useRef<SaveQueue | null>(null);
  if (!queue.current) {
    queue.current = createSaveQueue<PartnerItem>({
      initial: options.initial,
      save: (d) => opts.current.save(d),
      onSaved: (item) => {
        setError(null);
        opts.current.onSaved(item);
      },
      onState: (s, e) => {
        setState(s);
        if (e) setError(e);
      },
    });
  }
  const q = queue.current;

  // Leaving the page (or the item) with a change still waiting: send it rather than lose it.
  useEffect(
    () => () => {
      if (q.hasPending()) void q.flush();
    },
    [q],
  );

  return {
    draft,
    state,
    error,
    flush: q.flush,
    update: (patch: Partial<Draft>, delayMs: number) => setDraft(q.update(patch, delayMs)),
  };
}
