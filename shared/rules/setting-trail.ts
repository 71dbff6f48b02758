import { hexOf } from '../bytes';
import { canonicalJson, type AuditEvent } from './audit-chain';

/**
 * What the audit log says each of the manager's settings must hold, so a settings row edited in
 * IndexedDB is not trusted. Settings rows are plain (the sign-in screen reads the home's details
 * and lock setting before anyone holds a key), so nothing seals them; instead each change is
 * written in one transaction with an audit entry whose detail ends in the SHA-256 of the value
 * saved, in a log chained and anchored by the main process. A row is trusted only if it matches
 * the digest of the newest such entry for its key; anything else reads as damaged, and the caller
 * falls back to the setting's safe value.
 */

/** The manager's settings this rule guards, and the audit actions each is saved under. */
export const managerSettingActions = {
  home: ['home.set-up', 'settings.home-updated'],
  security: ['settings.security-updated'],
  retention: ['retention.settings-changed'],
  contactForms: ['settings.contact-forms-updated'],
} as const satisfies Record<string, readonly string[]>;
export type ManagerSettingKey = keyof typeof managerSettingActions;
export const managerSettingKeys = Object.keys(managerSettingActions) as ManagerSettingKey[];

export const isManagerSettingKey = (key: unknown): key is ManagerSettingKey =>
  typeof key === 'string' && Object.hasOwn(managerSettingActions, key);

/** A row's value recorded, as it stood, for a setting whose newest entry was written without a digest. */
export const digestRecordedAction = 'settings.digest-recorded';

/** Settling a sync conflict writes the chosen value as a change of its own, audited under these. */
export const settleActions = ['sync.merged', 'sync.version-chosen', 'sync.versions-combined'] as const;

/** Every action whose entry says what a setting's row holds from then on. */
export function settingTrailActions(key: ManagerSettingKey): readonly string[] {
  return [...managerSettingActions[key], digestRecordedAction, ...settleActions];
}

/** An audit entry as this rule reads it; `seq` orders entries written at the same instant. */
export type SettingTrailEntry = Pick<AuditEvent, 'at' | 'action' | 'detail'> & {
  readonly seq: number;
  /**
   * Whether its MAC verified under the audit key: false when it did not (edited or planted), left
   * out when nobody could check it (a read before sign-in holds no audit key).
   */
  readonly isAuthentic?: boolean | undefined;
};

/** Whether `a` was written after `b`: a later `at`, then a later place in the table. */
export const isNewer = (a: SettingTrailEntry, b: SettingTrailEntry): boolean =>
  a.at > b.at || (a.at === b.at && a.seq > b.seq);

const digestPattern = /(?:^|; )sha256:([0-9a-f]{64})$/;

/** The digest an entry's detail ends with, if it has one. */
export function digestInDetail(detail: string | undefined): string | undefined {
  return detail === undefined ? undefined : digestPattern.exec(detail)?.[1];
}

/** An entry's detail: the plain words a person reads, then the value's digest. */
export function detailWithDigest(words: string | undefined, digest: string): string {
  return words === undefined || words === '' ? `sha256:${digest}` : `${words}; sha256:${digest}`;
}

/**
 * The SHA-256 of a setting's row: its key and value as canonical JSON (keys sorted, `undefined`
 * left out), so the same value always gives the same digest whatever order its fields came in.
 */
export function settingDigest(key: string, value: unknown): Promise<string> {
  return canonicalDigest({ key, value });
}

/** The SHA-256 of a value as canonical JSON: the same value gives the same digest however it was built. */
export async function canonicalDigest(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  return hexOf(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** The newest of a setting's entries that say what it holds: latest `at`, then latest `seq`. */
export function newestSettingEntry<Entry extends SettingTrailEntry>(
  key: ManagerSettingKey,
  entries: readonly Entry[],
): Entry | undefined {
  return newestEntryOf(new Set(settingTrailActions(key)), entries);
}

/** The newest of the entries under one of `actions`: latest `at`, then latest `seq`. */
export function newestEntryOf<Entry extends SettingTrailEntry>(
  actions: ReadonlySet<string>,
  entries: readonly Entry[],
): Entry | undefined {
  let newest: Entry | undefined;
  for (const entry of entries) {
    if (!actions.has(entry.action)) continue;
    if (newest === undefined || isNewer(entry, newest)) newest = entry;
  }
  return newest;
}

/**
 * Whether a setting's row can be trusted:
 * - `trusted`: it matches the digest of the newest entry;
 * - `unset`: no row and no entry (the setting was never saved: its default applies);
 * - `unchecked`: the newest entry was written before entries carried digests, so there is nothing
 *   to hold the row to; trusted until the manager's session records its digest (`digest-recorded`);
 * - `damaged`: a row that does not match, a row with no entry, an entry whose row is gone, or an
 *   entry whose MAC did not verify at or after the newest that did (`entry-not-authentic`).
 */
export type SettingVerdict =
  | { readonly kind: 'trusted' | 'unset' | 'unchecked' }
  | {
      readonly kind: 'damaged';
      readonly reason: 'not-as-logged' | 'no-entry' | 'row-gone' | 'entry-not-authentic';
    };

/**
 * `rowDigest` is the stored row's `settingDigest`, or undefined when there is no row. Only entries
 * not known to be forged vouch for a row. A forged entry newer than every genuine one makes the
 * row damaged rather than being passed over: someone who put a row back to an earlier value and
 * edited the newest entry to match would otherwise be vouched for by the genuine entry before it.
 * One older than the newest genuine entry says nothing of the row as it is now (saving again
 * repairs the setting, however the log was tampered with before); the manager's check of the
 * log names it.
 */
export function settingVerdict(
  key: ManagerSettingKey,
  rowDigest: string | undefined,
  entries: readonly SettingTrailEntry[],
): SettingVerdict {
  const newest = newestSettingEntry(
    key,
    entries.filter((entry) => entry.isAuthentic !== false),
  );
  const newestForged = newestSettingEntry(
    key,
    entries.filter((entry) => entry.isAuthentic === false),
  );
  if (newestForged !== undefined && (newest === undefined || !isNewer(newest, newestForged)))
    return { kind: 'damaged', reason: 'entry-not-authentic' };
  if (rowDigest === undefined)
    return newest === undefined ? { kind: 'unset' } : { kind: 'damaged', reason: 'row-gone' };
  if (newest === undefined) return { kind: 'damaged', reason: 'no-entry' };
  const logged = digestInDetail(newest.detail);
  if (logged === undefined) return { kind: 'unchecked' };
  return logged === rowDigest ? { kind: 'trusted' } : { kind: 'damaged', reason: 'not-as-logged' };
}
