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
