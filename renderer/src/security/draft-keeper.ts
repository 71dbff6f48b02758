/**
 * Forms with unsaved typing register a flush function here; locking calls every one of them
 * before the keys are dropped, so nothing being typed is lost to the lock.
 */
export type DraftKeeper = {
  register(flush: () => Promise<void>): () => void;
  flushAll(): Promise<void>;
};

export function createDraftKeeper(): DraftKeeper {
  const flushes = new Set<() => Promise<void>>();
  return {
    register(flush) {
      flushes.add(flush);
      return () => flushes.delete(flush);
    },
    async flushAll() {
      // One failing draft must not stop the others being kept.
      await Promise.allSettled([...flushes].map((flush) => flush()));
    },
  };
}
