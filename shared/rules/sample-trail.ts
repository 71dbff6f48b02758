import { canonicalDigest, digestInDetail, newestEntryOf, type SettingTrailEntry } from './setting-trail';

/**
 * What the audit log says a termly sample holds. Samples are plain rows, drawn at random so the
 * manager reviews forms nobody chose (seed 004, 5.5.3); a sample whose form ids were swapped in
 * IndexedDB would let someone keep their own form out of review. A sample is never changed after
 * it is drawn, so its one entry (`review.sample-drawn`) ends with the SHA-256 of the row, and a
 * sample is opened only if its row still matches.
 */

export const sampleDrawnAction = 'review.sample-drawn';
export const sampleRecordType = 'reviewSample';

/** The SHA-256 of a sample's whole row. */
export function sampleDigest(sample: object): Promise<string> {
  return canonicalDigest({ table: 'reviewSamples', row: sample });
}

/**
 * - `trusted`: the row matches the digest its draw's entry carries;
 * - `unchecked`: drawn before entries carried digests: nothing to hold it to, read as before;
 * - `damaged`: a row with no draw entry, or one that does not match it.
 */
export function sampleVerdict(
  rowDigest: string,
  entries: readonly SettingTrailEntry[],
): 'trusted' | 'unchecked' | 'damaged' {
  const drawn = newestEntryOf(new Set([sampleDrawnAction]), entries);
  if (drawn === undefined) return 'damaged';
  const logged = digestInDetail(drawn.detail);
  if (logged === undefined) return 'unchecked';
  return logged === rowDigest ? 'trusted' : 'damaged';
}
