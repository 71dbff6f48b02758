import { visitorEntrySchema, type VisitorEntry } from '@shared/schemas/registers';
import type { FamilyLinksDb, VisitorLogPlainKey, VisitorLogRow } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { createSealedCodec } from '../sealed-codec';

export const visitorLogCodec = createSealedCodec('visitorLog', visitorEntrySchema, [
  'id',
  'arrivedAt',
  'departedAt',
  'visitingYoungPersonIds',
  'amendsEntryId',
] satisfies VisitorLogPlainKey[]);

/**
 * The visitor register. Entries are only ever added: a correction is a new entry naming the one
 * it amends (the register is a legal record), so there is no update or delete here.
 */
export function visitorLogRepository(db: FamilyLinksDb, cipher: RecordCipher) {
  return {
    /** Adds many entries in one transaction: all of them or, on any failure, none. */
    async addMany(entries: readonly VisitorEntry[]): Promise<void> {
      const checked = entries.map((entry) => visitorEntrySchema.parse(entry));
      // Seal first: awaiting WebCrypto inside the transaction would let IndexedDB commit it early.
      const rows: VisitorLogRow[] = await Promise.all(checked.map((entry) => visitorLogCodec.encode(entry, cipher)));
      await db.transaction('rw', db.visitorLog, () => db.visitorLog.bulkAdd(rows));
    },

    /** Entries whose arrival falls in [from, to), earliest first, read by the `arrivedAt` index. */
    async listArrivedBetween(fromIso: string, toIso: string): Promise<VisitorEntry[]> {
      const rows = await db.visitorLog.where('arrivedAt').between(fromIso, toIso, true, false).toArray();
      return Promise.all(rows.map((row) => visitorLogCodec.decode(row, cipher)));
    },
  };
}
export type VisitorLogRepository = ReturnType<typeof visitorLogRepository>;
