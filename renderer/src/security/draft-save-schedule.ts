/**
 * When a draft is kept while someone types. A debounce alone (save a moment after the last key)
 * never saves someone who types steadily, and a crash then loses everything; so there is also a
 * longest wait: a save at most `maxWaitMs` after the first unsaved change, and again at most
 * `maxWaitMs` after each save while typing goes on. `quietMs` saves sooner when they pause.
 */
export const draftSaveTiming = { quietMs: 400, maxWaitMs: 1_000 } as const;

export type DraftSaveTiming = { readonly quietMs: number; readonly maxWaitMs: number };

/**
 * How long to wait, from `now`, before saving: until `quietMs` after the last change, but never
 * later than `maxWaitMs` after the first change not yet saved (all times in milliseconds).
 */
export function draftSaveDelay(
  now: number,
  unsavedSince: number,
  lastChangeAt: number,
  timing: DraftSaveTiming = draftSaveTiming,
): number {
  const due = Math.min(lastChangeAt + timing.quietMs, unsavedSince + timing.maxWaitMs);
  return Math.max(0, due - now);
}
