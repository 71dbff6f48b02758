import { can } from '@shared/rules/access';
import { fail } from '@shared/result';
import type { DamagedRecordRow, FamilyLinksDb } from '../database';
import { recordWriter, type RecordChange } from '../record-writer';
import { DamagedRecordError } from '../row-binding';
import { openedOrDamaged, plainStore } from '../sealed-store';
import type { Session } from '../session';

const damagedDetail: Record<DamagedRecordError['reason'], string> = {
  'does-not-open': 'does not open',
  'old-format-refused': 'sealed the old way after the home was resealed',
  'not-as-logged': 'does not match the audit log',
};

const keyOf = (found: Pick<DamagedRecordError, 'table' | 'id'>) => `${found.table}:${found.id}`;

/**
 * Records that failed to open (changed outside Family Links): each is noted once, with an audit
 * entry the first time it is found, so the manager's home can say how many there are without the
 * log filling up on every read. Only ids and the table are kept: nothing about the record itself.
 */
export function damagedRecordRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = plainStore(db.damagedRecords);
  const records = recordWriter(db, clock);

  async function notYetNoted(found: readonly DamagedRecordError[]) {
    const unique = [...new Map(found.map((item) => [keyOf(item), item])).values()];
    const noted = await db.damagedRecords.bulkGet(unique.map(keyOf));
    return unique.filter((_, index) => noted[index] === undefined);
  }

  function change(found: readonly DamagedRecordError[]): RecordChange<'noted'> {
    const at = clock().toISOString();
    const rows: DamagedRecordRow[] = found.map((item) => ({
      id: keyOf(item),
      table: item.table,
      rowId: item.id,
      reason: item.reason,
      foundAt: at,
    }));
    return {
      events: found.map((item) => ({
        action: 'record.damaged',
        recordType: item.table,
        recordId: item.id,
        detail: damagedDetail[item.reason],
      })),
      writes: [store.put(...rows)],
      // Someone else noted one of them a moment ago: theirs is the one entry.
      async check() {
        const already = await db.damagedRecords.bulkGet(rows.map((row) => row.id));
        return already.some((row) => row !== undefined) ? fail('noted', 'Already noted.') : undefined;
      },
    };
  }

  async function note(session: Session, found: readonly DamagedRecordError[]): Promise<void> {
    const fresh = await notYetNoted(found);
    if (fresh.length > 0) await records.write(session, change(fresh));
  }

  return {
    /** Notes rows found damaged while `session` read them; each goes into the audit log once. */
    note,

    /**
     * Opens rows one by one with `decode`; any that do not open (changed outside the app) are
     * noted and handed back by id, for screens that must never read a damaged record as no record.
     */
    async openNoting<Row, Item>(
      session: Session,
      rows: readonly Row[],
      decode: (row: Row) => Promise<Item>,
    ): Promise<{ opened: Item[]; damagedIds: string[] }> {
      const { records: opened, damaged } = await openedOrDamaged(rows.map(decode));
      // Noted from a timer: reads run inside live queries, where Dexie refuses any write.
      if (damaged.length > 0)
        await new Promise<void>((resolve) =>
          setTimeout(() => {
            note(session, damaged)
              .catch((error: unknown) => console.error('A damaged record could not be noted', error))
              .finally(resolve);
          }, 0),
        );
      return { opened, damagedIds: damaged.map((found) => found.id) };
    },

    /** The same, before anyone is signed in (an account's own row did not open at sign-in). */
    async noteBeforeSignIn(found: readonly DamagedRecordError[]): Promise<void> {
      const fresh = await notYetNoted(found);
      if (fresh.length > 0) await records.writeBeforeSignIn(change(fresh));
    },

    /** How many records are known to be damaged: for the manager's home. */
    async count(session: Session): Promise<number> {
      if (!can(session.roles, 'audit:view')) return 0;
      return db.damagedRecords.count();
    },
  };
}
