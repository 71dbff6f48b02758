import { sha256Hex } from '../bytes';
import { compareVersions, type VersionName } from '../sync/record-merge';

/**
 * One alert per thing it is about, across the home's computers (docs/sync-design.md, "Settings
 * and the outbox"). Two computers apart from each other can both notice the same overdue form and
 * both queue its alert; the PAN group must still be told once (seed 003: every copy that leaves is
 * one the home meant to send). Pure, so the queue, the merging pass and the tests read one rule.
 */

/** What an alert the app raises itself is about: the kind of alert, the record, and who is told. */
export type AlertAbout = {
  /** The kind of alert (an outbox event such as `formOverdue`). */
  readonly event: string;
  /** The record it is about: a random id, never a name. */
  readonly recordId: string;
  /** Who is told, by account or PAN group member id (`PanRecipient.key`), never by address. */
  readonly recipientKey: string;
};

// Bumped only if the inputs below ever change meaning: the same alert must keep its id.
const idNamespace = 'family-links/alert-once/1';

/**
 * The id of one message of an alert, the same on every computer that raises it, so a second
 * computer's copy is the same record (a conflict the merging pass settles) and never a second
 * message. Made from ids alone (no name, address or reference: nothing personal to recover), as a
 * UUID of version 8 (RFC 9562: bits of a SHA-256 digest, with the version and variant set).
 */
export async function alertMessageId(about: AlertAbout): Promise<string> {
  const hex = await sha256Hex(
    [idNamespace, about.event, about.recordId, about.recipientKey].map(encodeURIComponent).join('|'),
  );
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** What makes one message of an alert the same message: its id, whom it is about, the kind of alert and where it goes. */
export type AlertMessageIdentity = {
  readonly id: string;
  readonly youngPersonId: string;
  readonly event: string;
  /** The address it goes to (`recipient.email`): compared without regard to case. */
  readonly recipientEmail: string;
};

/** What stands under an alert message's id: the message already, or a row to replace with it, and why. */
export type StoredAlertCopy =
  | { readonly kind: 'sameMessage' }
  | { readonly kind: 'replace'; readonly reason: 'doesNotOpen' | 'differentMessage' };

/**
 * Whether the row stored under an alert message's id (`alertMessageId`) is that message already
 * queued, here or on another computer, so it is not queued twice. The id is worked out from ids
 * anyone can read, so a row under it proves nothing by being there: only a row that opens with the
 * home's key (`stored`; `undefined` when it does not open) and is the same message, about the same
 * young person, of the same kind and to the same address, stands. Anything else would silence the
 * alert (DESIGN: a row edited or planted outside the app never silences a safeguard), so it is
 * replaced by the real message.
 */
export function storedAlertCopy(
  expected: AlertMessageIdentity,
  stored: AlertMessageIdentity | undefined,
): StoredAlertCopy {
  if (stored === undefined) return { kind: 'replace', reason: 'doesNotOpen' };
  const isSame =
    stored.id === expected.id &&
    stored.youngPersonId === expected.youngPersonId &&
    stored.event === expected.event &&
    stored.recipientEmail.toLowerCase() === expected.recipientEmail.toLowerCase();
  return isSame ? { kind: 'sameMessage' } : { kind: 'replace', reason: 'differentMessage' };
}

export type AlertState = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

/** One further copy of a message that left: which computer sent it, when, and how. */
export type AlsoSent = {
  readonly computer: string;
  readonly sentAt: string;
  readonly sentVia?: 'smtp' | 'mailClient' | undefined;
  readonly serverMessageId?: string | undefined;
};

/** What the rule reads of one version of an alert message. */
export type AlertCopy = {
  readonly state: AlertState;
  readonly createdAt: string;
  readonly queuedOn?: string | undefined;
  readonly sentAt?: string | undefined;
  readonly sentVia?: 'smtp' | 'mailClient' | undefined;
  readonly serverMessageId?: string | undefined;
  readonly sendingSince?: string | undefined;
  readonly alsoSentBy?: readonly AlsoSent[] | undefined;
};

/** One computer's version of the message (a side of the conflict): who wrote it, and the message. */
export type AlertVersion<Message extends AlertCopy> = VersionName & { readonly record: Message };

export type SettledAlert<Message extends AlertCopy> = {
  /** The message every computer holds from now on: whichever computer it names sends it, if it is still to go. */
  readonly record: Message;
  /** Every computer that sent a copy, first sender first (more than one: the PAN group was told twice). */
  readonly sentBy: readonly string[];
};

/**
 * Which copy stands, best first: one that left stands over everything (it cannot be called back,
 * and another computer must never send it again); then one being sent (it may have left); then
 * one a person cancelled (their decision that it should not go); then one still queued (it will
 * be tried); a failed one last (a live copy elsewhere may still get through).
 */
const standing: Readonly<Record<AlertState, number>> = {
  sent: 5,
  sending: 4,
  cancelled: 3,
  queued: 2,
  failed: 1,
};

/** When a copy did what puts it in its place: left, began to leave, or was queued. */
const momentOf = (copy: AlertCopy): string =>
  (copy.state === 'sent' ? copy.sentAt : copy.state === 'sending' ? copy.sendingSince : undefined) ??
  copy.createdAt;

/** The computer a copy names as its sender: the one that queued it, or the one that wrote the version. */
const computerOf = (version: AlertVersion<AlertCopy>): string => version.record.queuedOn ?? version.d;

/** Orders copies: negative when `a` stands over `b`. The same order on every computer. */
function compareCopies(a: AlertVersion<AlertCopy>, b: AlertVersion<AlertCopy>): number {
  const rank = standing[b.record.state] - standing[a.record.state];
  if (rank !== 0) return rank;
  const [atA, atB] = [momentOf(a.record), momentOf(b.record)];
  if (atA !== atB) return atA < atB ? -1 : 1;
  const [byA, byB] = [computerOf(a), computerOf(b)];
  if (byA !== byB) return byA < byB ? -1 : 1;
  return compareVersions(a, b);
}

const sendKey = (send: AlsoSent): string => `${send.computer}|${send.sentAt}|${send.serverMessageId ?? ''}`;

/** The send a copy records itself, if it left. */
function ownSend(version: AlertVersion<AlertCopy>): AlsoSent | undefined {
  const { record } = version;
  if (record.state !== 'sent' || record.sentAt === undefined) return undefined;
  return {
    computer: computerOf(version),
    sentAt: record.sentAt,
    ...(record.sentVia === undefined ? {} : { sentVia: record.sentVia }),
    ...(record.serverMessageId === undefined ? {} : { serverMessageId: record.serverMessageId }),
  };
}

/** Every send a copy records: its own (if it left) and those it already carries. */
function sendsOf(version: AlertVersion<AlertCopy>): AlsoSent[] {
  const own = ownSend(version);
  return [...(own ? [own] : []), ...(version.record.alsoSentBy ?? [])];
}

/**
 * Settles the copies of one alert message queued on two or more computers while they were apart
 * (the same id, `alertMessageId`): one copy stands, in the order above, and is the one message
 * every computer holds, so only the computer it names ever sends it and one that already left is
 * never sent again. When more than one copy left before the computers met (unavoidable while they
 * cannot reach each other), the standing copy says so: every other send is kept in `alsoSentBy`,
 * with its computer, time and server id, so the record is honest that the group was told twice.
 * The result does not depend on the order of `versions`, and settling it again changes nothing.
 */
export function settleAlertCopies<Message extends AlertCopy>(
  versions: readonly AlertVersion<Message>[],
): SettledAlert<Message> | undefined {
  const ordered = [...versions].sort(compareCopies);
  const first = ordered[0];
  if (!first) return undefined;
  const sends = new Map<string, AlsoSent>();
  for (const version of ordered) for (const send of sendsOf(version)) sends.set(sendKey(send), send);
  const all = [...sends.values()].sort((a, b) =>
    a.sentAt !== b.sentAt ? (a.sentAt < b.sentAt ? -1 : 1) : sendKey(a) < sendKey(b) ? -1 : 1,
  );
  const own = ownSend(first);
  const others = all.filter((send) => own === undefined || sendKey(send) !== sendKey(own));
  const { alsoSentBy: _earlier, ...rest } = first.record;
  const record = (others.length > 0 ? { ...rest, alsoSentBy: others } : rest) as Message;
  return { record, sentBy: [...new Set(all.map((send) => send.computer))] };
}

/**
 * Which overdue forms the PAN group has been told about, from two or more computers' lists: every
 * form any computer alerted (a form is alerted once, wherever that was), sorted, so two computers
 * with the same forms write the same row and never conflict.
 */
export function mergeAlertedForms(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}
