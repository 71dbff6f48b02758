import { normaliseName } from '@shared/rules/name-spelling';
import type { DoorVerdict, IdChecks } from '@shared/rules/door-check';
import type { VisitorSearchIndex } from '@shared/rules/visitor-search';
import { visitorEntrySchema, type VisitorEntry } from '@shared/schemas/registers';
import type { CheckableRestriction } from '@shared/rules/restriction-check';
import type { VisitorLogPlainKey, VisitorLogRow } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { createSealedCodec, type SealedCodec } from '../sealed-codec';

/** How the visitor register is stored, and the types its writers share (`visitor-log-repository.ts`). */

/** A register entry as stored: sealed, with `isOnSite` beside it (bound into the seal) for the fire roll's index. */
export const visitorLogCodec: SealedCodec<VisitorEntry, VisitorLogPlainKey, VisitorLogRow> =
  createSealedCodec(
    'visitorLog',
    visitorEntrySchema,
    [
      'id',
      'arrivedAt',
      'departedAt',
      'visitingYoungPersonIds',
      'amendsEntryId',
    ] satisfies VisitorLogPlainKey[],
    // Someone turned away never came in: never on site.
    {
      indexFields: (entry) => ({
        isOnSite: entry.kind === 'visit' && !entry.departedAt ? (1 as const) : (0 as const),
      }),
    },
  );

export type { DoorVerdict } from '@shared/rules/door-check';

/** The restriction check, passed in (it lives in shared/rules); the repository runs it itself. */
export type DoorChecker = (
  visitor: {
    readonly name: string;
    readonly personId?: string | undefined;
    /** For a registered person: every name they are known by (name and aliases), for the check. */
    readonly knownNames?: readonly string[];
    /** Close names staff have checked ID against, or chosen to treat as the restricted person. */
    readonly idChecks?: IdChecks | undefined;
    /** A named member of staff will supervise. */
    readonly isSupervised?: boolean;
  },
  youngPersonIds: readonly string[],
  restrictionsInForce: readonly CheckableRestriction[],
) => DoorVerdict;

export type SignInError =
  | 'forbidden'
  | 'invalid'
  | 'blocked'
  | 'needs-supervisor'
  | 'needs-id-check'
  | 'already-on-site'
  | 'needs-protocol'
  | 'changed';

export type RegisterChangeError =
  'forbidden' | 'invalid' | 'not-found' | 'already-signed-out' | 'superseded' | 'too-late';

/** A visitor recorded as turned away, and how many alerts went to the outbox. */
export type TurnedAway = {
  readonly entry: VisitorEntry;
  readonly alerts: number;
  /** The same person was recorded as turned away a moment ago: that entry, not a second one. */
  readonly isRepeat: boolean;
  /** The entry was kept but its alert could not be queued: nobody was emailed, so staff must say. */
  readonly isAlertNotQueued: boolean;
};

/** How long a visitor signed out by mistake can be put back from the door (after that: the register). */
export const undoSignOutWindowMs = 2 * 60_000;

export { turnedAwayReference } from '@shared/rules/visitor-entry-reference';

/** The same name for the "already signed in" check: case, accents, spacing and punctuation aside. */
export const sameNameKey = (name: string) => normaliseName(name);

// One search index per signed-in session: keyed by the session's cipher, so it goes when the
// session (and its keys) go, and a locked screen leaves no names in memory.
export const searchIndexes = new WeakMap<RecordCipher, Promise<VisitorSearchIndex>>();

/** The form's details for the entry: the ID-check choices are the check's to record, not copied. */
export function withoutIdChoices<
  T extends { idCheckedNotRestrictionIds?: unknown; treatedAsRestrictionIds?: unknown },
>(form: T): Omit<T, 'idCheckedNotRestrictionIds' | 'treatedAsRestrictionIds'> {
  const { idCheckedNotRestrictionIds: _checked, treatedAsRestrictionIds: _treated, ...details } = form;
  return details;
}
