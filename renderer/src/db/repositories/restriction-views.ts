import { can, visibleRestriction, type VisibleRestriction } from '@shared/rules/access';
import { stricterRestriction, type ComparableRestriction } from '@shared/rules/stricter-restriction';
import {
  isTrailEntryWorthChecking,
  restrictionsNotAsLogged,
  restrictionTrailActions,
  type TrailRow,
} from '@shared/rules/restriction-audit-trail';
import type { FamilyLinksDb, RestrictionRow } from '../database';
import type { Session } from '../session';
import { isAuthenticEntry } from './audit-entry-authenticity';
import { damagedRecordRepository } from './damaged-record-repository';
import { restrictionCodec } from './restriction-codec';

/**
 * How restriction rows are opened for each reader (the door's instruction alone, or what a role
 * may see), noting those that do not open, the stricter of a restriction's versions while a
 * change made on two computers at once is undecided, and those behind the audit log. Used by `restriction-repository.ts`.
 */
export function restrictionViews(db: FamilyLinksDb, clock: () => Date) {
  const damage = damagedRecordRepository(db, clock);

  /** Rows that do not open are noted and handed back by id, never read as no restriction. */
  const openNoting = <Item>(
    session: Session,
    rows: readonly RestrictionRow[],
    decode: (row: RestrictionRow) => Promise<Item>,
  ) => damage.openNoting(session, rows, decode);

  /**
   * While a restriction changed on two computers at once waits for the manager, the door reads
   * the stricter of its versions (docs/sync-design.md, "Conflicts"; DESIGN rule 6), so a relaxed
   * edit on one computer never lets in someone the other computer's edit would stop. A version
   * that does not open is damaged, and the door then stops everyone, as for any such restriction.
   */
  async function stricterWhileUndecided<Item extends ComparableRestriction & { readonly id: string }>(
    session: Session,
    read: { readonly opened: readonly Item[]; readonly damagedIds: readonly string[] },
    decode: (row: RestrictionRow) => Promise<Item>,
    today: string,
  ): Promise<{ opened: Item[]; damagedIds: string[] }> {
    const conflicts = await db.syncConflicts.where('table').equals('restrictions').toArray();
    if (conflicts.length === 0) return { opened: [...read.opened], damagedIds: [...read.damagedIds] };
    const byId = new Map(conflicts.map((conflict) => [conflict.key, conflict]));
    const damagedIds = new Set(read.damagedIds);
    const opened = await Promise.all(
      read.opened.map(async (restriction) => {
        const conflict = byId.get(restriction.id);
        if (!conflict) return restriction;
        const rows = conflict.sides.flatMap((side) =>
          side.row === undefined ? [] : [side.row as RestrictionRow],
        );
        const sides = await openNoting(session, rows, decode);
        for (const id of sides.damagedIds) damagedIds.add(id);
        return sides.opened.reduce((held, side) => stricterRestriction(held, side, today), restriction);
      }),
    );
    return { opened, damagedIds: [...damagedIds] };
  }

  /** The door's view of each row, opened with the door key alone. */
  const openInstruction = (session: Session) => (row: RestrictionRow) =>
    restrictionCodec.decodeInstruction(row, session.cipher);

  /**
   * Each row as this person may see it, and the ids of those that did not open. Only a session
   * that may read the authority, and holds the casework key, opens the casework part at all;
   * everyone else opens the door's part alone.
   */
  function openOneVisible(session: Session): (row: RestrictionRow) => Promise<VisibleRestriction> {
    if (can(session.roles, 'restriction:read-authority') && session.cipher.holds('casework'))
      return async (row) =>
        visibleRestriction(await restrictionCodec.decode(row, session.cipher), session.roles);
    return async (row) => ({ view: 'instruction' as const, ...(await openInstruction(session)(row)) });
  }

  const openVisible = (
    rows: readonly RestrictionRow[],
    session: Session,
  ): Promise<{ opened: VisibleRestriction[]; damagedIds: string[] }> =>
    openNoting(session, rows, openOneVisible(session));

  /**
   * The restrictions whose rows the audit log says are gone or older than its newest change names
   * (`restrictionsNotAsLogged`). Entries are found by the action index: a home records tens of
   * restrictions and their changes, not thousands. Every read here is a signed-in session's, so
   * the MACs of the entries that could vouch for an older row are checked with its audit key: an
   * entry edited or planted with the row does not pass as genuine.
   */
  async function notAsLogged(
    session: Pick<Session, 'auditKey'>,
    rows: readonly { readonly id: string }[],
    opened: readonly TrailRow[],
  ): Promise<string[]> {
    const entries = await db.audit.where('action').anyOf(restrictionTrailActions).toArray();
    const checked = await Promise.all(
      entries.map(async (entry) =>
        isTrailEntryWorthChecking(entry)
          ? { ...entry, isAuthentic: await isAuthenticEntry(entry, session.auditKey) }
          : entry,
      ),
    );
    return restrictionsNotAsLogged(checked, rows, opened);
  }

  return { openNoting, stricterWhileUndecided, openInstruction, openVisible, notAsLogged };
}
