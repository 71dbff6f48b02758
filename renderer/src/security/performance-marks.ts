import { useEffect } from 'react';

/**
 * Marks on the page's performance timeline that the unlock benchmark reads: the time
 * from the password's key derivation finishing to the first screen drawn, and the key-derivation
 * time itself, reported separately. Cheap, and they hold no personal data.
 */
export const unlockMarks = {
  kdfStarted: 'family-links:kdf-started',
  kdfFinished: 'family-links:kdf-finished',
  firstScreenDrawn: 'family-links:first-screen-drawn',
} as const;

export function mark(name: (typeof unlockMarks)[keyof typeof unlockMarks]): void {
  performance.mark(name);
}

/**
 * Marks when the first signed-in screen has been painted. Call it from a component that commits
 * together with the screen (inside the same Suspense boundary), so a screen whose code is still
 * loading does not count as drawn: the effect runs after React commits, the first animation frame
 * is before the next paint, the second is after it.
 */
export function useFirstScreenDrawnMark(): void {
  useEffect(() => {
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => mark(unlockMarks.firstScreenDrawn));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, []);
}
