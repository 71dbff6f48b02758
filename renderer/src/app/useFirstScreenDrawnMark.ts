import { useEffect } from 'react';
import { mark, unlockMarks } from '../security/performance-marks';

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
