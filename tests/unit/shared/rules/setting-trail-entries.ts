import type { SettingTrailEntry } from '../../../../shared/rules/setting-trail';

/** Two SHA-256 digests in hex that differ, for a row that matches its entry and one that does not. */
export const digestA = 'a'.repeat(64);
export const digestB = 'b'.repeat(64);

let seq = 0;

/** An audit entry at 10:00 UTC on `day` (a digit) of December 2026, numbered after the one before. */
export const trailEntry = (day: string, action: string, detail?: string): SettingTrailEntry => ({
  seq: (seq += 1),
  at: `2026-12-0${day}T10:00:00.000Z`,
  action,
  ...(detail === undefined ? {} : { detail }),
});
