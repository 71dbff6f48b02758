import { fail, ok, type Result } from '@shared/result';
import { can } from '@shared/rules/access';
import { conflictRecordName, differingFields, type DifferingField } from '@shared/rules/conflict-fields';
import { choosableFields, combineVersions, type FieldChoices } from '@shared/rules/conflict-combine';
import { mergeVersions, versionId } from '@shared/sync/record-merge';
import type { FamilyLinksDb } from '../database';
import type { Session } from '../session';
import { thisDevice } from '../sync/sync-device';
import type { SyncConflictRow } from '../sync/sync-rows';
import { computerNamesFromHere } from './computer-names';
import {
  conflictCodecOf,
  conflictStampsOf,
  openConflict,
  settleConflict,
  type OpenedConflict,
  type SettleWrite,
  versionsOf,
} from '../sync/sync-merge';
import type { AuditAnchorPort } from '../../platform/audit-anchor-port';

/** One version of a record changed on two computers, as the manager sees it. */
export type ConflictVersion = {
  /** `d:n`: what "Keep this version" sends back. */
  readonly version: string;
  readonly madeHere: boolean;
  /** Where it was made: "this computer", or the other computer's name ("Front desk"). */
  readonly madeOn: string;
  /** The writing computer's clock when it was changed. */
  readonly at: string;
};

/** A record changed the same way on two computers, for the manager to choose between its versions. */
export type ConflictForManager = {
  readonly id: string;
  readonly recordName: string;
  readonly versions: readonly ConflictVersion[];
  /** Only the fields whose values differ, one value per version in the order of `versions`. */
  readonly fields: readonly DifferingField[];
  /**
   * The fields changed two ways, which the manager may choose field by field to combine the
   * versions (`combine`); empty when only one version can be kept (one deleted the record).
   */
  readonly choosable: readonly string[];
};

export type ConflictChoiceError = 'forbidden' | 'not-found' | 'moved';
export type ConflictCombineError = ConflictChoiceError | 'unchosen' | 'invalid';

/** The manager's combination: the versions the screen showed, and for each field changed two ways, the version to keep it from. */
export type ConflictCombination = {
  readonly versions: readonly string[];
  readonly choices: FieldChoices;
};

const movedMessage =
  'Another version of this record has just arrived. Look at the versions again and choose.';
const settledMessage = 'This record is no longer changed on two computers: it has been settled.';

/**
 * "Changed on two computers at once" (docs/sync-design.md, "Conflicts"): the conflicts the
 * merging pass could not settle (a field changed two ways), with both versions side by side,
 * and the manager's choice, which is a new change settling every version (audited).
 */
export function syncConflictRepository(
  db: FamilyLinksDb,
  clock: () => Date = () => new Date(),
  anchor?: AuditAnchorPort,
) {
  /** The conflict the manager is choosing in, opened with her keys; refused to anyone else, or once settled. */
  async function openToSettle(
    session: Session,
    conflictId: string,
    refusal: string,
  ): Promise<Result<OpenedConflict, 'forbidden' | 'not-found'>> {
    if (!can(session.roles, 'sync:settle')) return fail('forbidden', refusal);
    const conflict = await db.syncConflicts.get(conflictId);
    const opened = conflict ? await openConflict(conflict, session.cipher) : undefined;
    return opened ? ok(opened) : fail('not-found', settledMessage);
  }

  /** Writes the manager's choice as the settling change, audited; `moved` when a version arrived meanwhile. */
  async function settle(
    session: Session,
    conflict: SyncConflictRow,
    record: SettleWrite['record'],
    action: string,
    detail: string,
  ): Promise<Result<void, 'moved'>> {
    const event = { action, recordType: conflict.table, recordId: conflict.key, detail };
    const done = await settleConflict(db, session, { conflict, record, event }, { anchor, now: clock() });
    return done ? ok(undefined) : fail('moved', movedMessage);
  }

  return {
    /** How many records are changed on two computers and not yet settled; 0 for anyone but the manager. */
    async countOpen(session: Session): Promise<number> {
      if (!can(session.roles, 'sync:settle')) return 0;
      return db.syncConflicts.count();
    },

    /**
     * The open conflicts this session's keys open whose sides changed a field two ways; those
     * that changed different fields are left to the merging pass, which settles them unasked.
     */
    async listForManager(session: Session): Promise<ConflictForManager[]> {
      if (!can(session.roles, 'sync:settle')) return [];
      const here = (await thisDevice(db))?.deviceId;
      const nameOf = await computerNamesFromHere(db);
      const listed: ConflictForManager[] = [];
      for (const conflict of await db.syncConflicts.orderBy('id').toArray()) {
        const opened = await openConflict(conflict, session.cipher);
        if (!opened) continue;
        const merged = mergeVersions(opened.base, opened.sides, { stamps: conflictStampsOf(conflict.table) });
        if (merged.conflicting.length === 0) continue;
        // Oldest first; changes made in the same second keep one order on every read and computer.
        const sides = [...opened.sides].sort(
          (a, b) => a.at.localeCompare(b.at) || versionId(a).localeCompare(versionId(b)),
        );
        const records = sides.map((side) => side.record);
        listed.push({
          id: conflict.id,
          recordName: conflictRecordName(conflict.table, records),
          versions: sides.map((side) => ({
            version: versionId(side),
            madeHere: side.d === here,
            madeOn: nameOf(side.d),
            at: side.at,
          })),
          fields: differingFields(conflict.table, records),
          choosable: choosableFields(opened.base, opened.sides, conflictStampsOf(conflict.table)),
        });
      }
      return listed;
    },

    /**
     * Keeps one version: written again as a new change naming every version of the conflict, so
     * every computer closes it when the change arrives, and audited. Refused if the conflict moved
     * on meanwhile (another version arrived): the manager looks again.
     */
    async keep(
      session: Session,
      conflictId: string,
      version: string,
    ): Promise<Result<void, ConflictChoiceError>> {
      const found = await openToSettle(
        session,
        conflictId,
        'Only the manager can choose which version to keep.',
      );
      if (!found.ok) return found;
      const { conflict, sides } = found.value;
      const side = sides.find((candidate) => versionId(candidate) === version);
      if (!side) return fail('not-found', settledMessage);
      const madeOn = (await computerNamesFromHere(db))(side.d);
      return settle(
        session,
        conflict,
        side.record,
        'sync.version-chosen',
        `kept the version made on ${madeOn}`,
      );
    },

    /**
     * Combines the versions field by field as the manager chose (`combineVersions`): checked with
     * the table's schema first, so an impossible combination is refused and nothing is written;
     * then written as `keep` writes, a new change naming every version, audited with which
     * field came from which computer (labels and computers only: the values stay in the record).
     * Refused if the versions are not the ones the manager was shown.
     */
    async combine(
      session: Session,
      conflictId: string,
      combination: ConflictCombination,
    ): Promise<Result<void, ConflictCombineError>> {
      const found = await openToSettle(
        session,
        conflictId,
        'Only the manager can choose which versions to keep.',
      );
      if (!found.ok) return found;
      const opened = found.value;
      const { conflict } = opened;
      const schema = conflictCodecOf(conflict.table)?.schema;
      if (!schema) return fail('not-found', settledMessage);
      const shown = [...combination.versions].sort().join(' ');
      if (versionsOf(conflict).sort().join(' ') !== shown) return fail('moved', movedMessage);
      const combined = combineVersions(opened.base, opened.sides, combination.choices, {
        schema,
        stamps: conflictStampsOf(conflict.table),
      });
      if (!combined.ok) {
        if (combined.problem === 'unchosen' || combined.problem === 'invalid')
          return fail(combined.problem, combined.message);
        // The screen showed something the versions no longer are: look again, as when one arrives.
        return fail('moved', movedMessage);
      }
      const nameOf = await computerNamesFromHere(db);
      const madeOn = new Map(opened.sides.map((side) => [versionId(side), nameOf(side.d)]));
      const detail = combined.from
        .map((part) => `${part.label} from ${madeOn.get(part.version) ?? 'another computer'}`)
        .join('; ');
      return settle(
        session,
        conflict,
        combined.record,
        'sync.versions-combined',
        `combined the versions: ${detail}`,
      );
    },
  };
}
