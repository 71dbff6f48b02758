import { sameBytes } from '@shared/bytes';
import { storedAlertCopy, type AlertMessageIdentity } from '@shared/rules/alert-once';
import type { FamilyLinksDb } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { DamagedRecordError } from '../row-binding';
import type { AuditEventInput } from './audit-log-repository';
import { outboxCodec } from './outbox-codec';

type Reason = 'doesNotOpen' | 'differentMessage';

/** What the audit entry says of a row replaced under an alert's id. */
const replacedDetail: Readonly<Record<Reason, string>> = {
  doesNotOpen: 'did not open',
  differentMessage: 'was a different message',
};

/**
 * The rows already under the message ids of an alert raised once (`alertMessageId`), as read
 * before its write: which messages stand (the same message, queued here or arrived from another
 * computer), and which rows are to be replaced by the real message because they do not open or
 * are another message (`storedAlertCopy`). An id is worked out from ids anyone can read, so a row
 * planted under it must never count as the alert having been queued.
 */
export type AlertOnceRows = {
  /** Ids whose stored message is this alert's: not queued again. */
  readonly standing: ReadonlySet<string>;
  /** Ids whose stored row is replaced by the real message, with the audit entry that says so. */
  readonly replacing: ReadonlyMap<string, AuditEventInput>;
  /**
   * Inside the write's transaction (nothing awaited but IndexedDB): whether every id to be written
   * is still as it was read. A row that has appeared since, or one that could be genuine put over
   * a replaced row (another computer's copy arriving), refuses the write; a row planted again
   * (without a seal) is simply replaced.
   */
  isStillAsRead(): Promise<boolean>;
};

/** The seal's IV of a stored row, if it has one as a genuine row does: each save gives a new one. */
function ivOf(row: unknown): Uint8Array | undefined {
  if (typeof row !== 'object' || row === null || !('sealed' in row)) return undefined;
  const { sealed } = row;
  if (typeof sealed !== 'object' || sealed === null || !('iv' in sealed)) return undefined;
  const { iv } = sealed;
  // By view, not `instanceof`: bytes cloned out of IndexedDB may come from another realm's Uint8Array.
  return ArrayBuffer.isView(iv) ? new Uint8Array(iv.buffer, iv.byteOffset, iv.byteLength) : undefined;
}

/** Reads and opens what is stored under each expected message's id. Not in a transaction: opening awaits WebCrypto. */
export async function alertOnceRows(
  db: FamilyLinksDb,
  cipher: RecordCipher,
  expected: readonly AlertMessageIdentity[],
): Promise<AlertOnceRows> {
  const ids = expected.map((message) => message.id);
  const rows = await db.outbox.bulkGet(ids);
  const standing = new Set<string>();
  const replacing = new Map<string, AuditEventInput>();
  const readIvs = new Map<string, Uint8Array | undefined>();
  for (const [index, message] of expected.entries()) {
    const row = rows[index];
    if (row === undefined) continue;
    const opened = await outboxCodec.decode(row, cipher).catch((error: unknown) => {
      if (error instanceof DamagedRecordError) return undefined;
      throw error;
    });
    const copy = storedAlertCopy(
      message,
      opened && {
        id: opened.id,
        youngPersonId: opened.youngPersonId,
        event: opened.event,
        recipientEmail: opened.recipient.email,
      },
    );
    if (copy.kind === 'sameMessage') {
      standing.add(message.id);
      continue;
    }
    readIvs.set(message.id, ivOf(row));
    replacing.set(message.id, {
      action: 'outbox.damaged-replaced',
      recordType: 'outboxMessage',
      recordId: message.id,
      detail: replacedDetail[copy.reason],
    });
  }
  const written = ids.filter((id) => !standing.has(id));

  return {
    standing,
    replacing,
    async isStillAsRead() {
      const now = await db.outbox.bulkGet(written);
      return written.every((id, index) => {
        const row = now[index];
        if (!replacing.has(id)) return row === undefined;
        const [wasIv, isIv] = [readIvs.get(id), ivOf(row)];
        return isIv === undefined || (wasIv !== undefined && sameBytes(wasIv, isIv));
      });
    },
  };
}
