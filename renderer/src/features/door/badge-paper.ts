import { isBadgePaper, type BadgePaper } from '@shared/rules/visitor-badge';

// Kept on this computer only: each front desk has its own printer (an A4 printer, or a 62 mm label
// printer), so the choice is the desk's, not the home's, and is no record.
const storageKey = 'familyLinks.door.badgePaper';

/** The paper this computer last printed a badge on; an A4 sheet until it has printed one. */
export function lastBadgePaper(): BadgePaper {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isBadgePaper(stored) ? stored : 'a4Sheet';
  } catch {
    // Storage switched off or full: the choice is a convenience, so fall back to the default.
    return 'a4Sheet';
  }
}

export function rememberBadgePaper(paper: BadgePaper): void {
  try {
    window.localStorage.setItem(storageKey, paper);
  } catch {
    // As above: printing goes ahead; the next badge just starts from the default again.
  }
}
