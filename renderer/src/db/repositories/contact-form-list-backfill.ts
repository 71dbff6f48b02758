import type { FamilyLinksDb } from '../database';
import type { Session } from '../../security/session';
import { auditLog } from './audit-log-repository';
import { contactFormCodec } from './contact-form-repository';

const chunkSize = 500;
const running = new WeakMap<FamilyLinksDb, Promise<number>>();

/**
 * Forms stored before their list fields were plain (marked by migration 0011) are opened and
 * stored again with those fields beside the sealed part, a chunk at a time, so the list can read
 * them by index. The content does not change. Each row is written only if nobody changed it in
 * the meantime (same sealed box), so an edit made meanwhile is never overwritten: it was stored
 * with the fields already. Runs once per database while the app is open; later calls wait for
 * the same run. Resolves with how many forms were re-stored.
 */
export function copyContactFormListFields(db: FamilyLinksDb, session: Session): Promise<number> {
  const existing = running.get(db);
  if (existing) return existing;
  const run = copyAll(db, session).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

async function copyAll(db: FamilyLinksDb, session: Session): Promise<number> {
  let copied = 0;
  for (;;) {
    const rows = await db.contactForms.where('listFieldsPending').equals(1).limit(chunkSize).toArray();
    if (rows.length === 0) break;
    // Sealing happens before the transaction: awaiting WebCrypto inside one lets it commit.
    const renewed = await Promise.all(
      rows.map(async (row) => ({
        before: row.sealed,
        row: await contactFormCodec.encode(
          await contactFormCodec.decode(row, session.cipher),
          session.cipher,
        ),
      })),
    );
    await db.transaction('rw', db.contactForms, async () => {
      for (const { before, row } of renewed) {
        const stored = await db.contactForms.get(row.id);
        if (stored?.sealed === undefined || !sameBox(stored.sealed.iv, before.iv)) continue;
        await db.contactForms.put(row);
      }
    });
    copied += renewed.length;
  }
  if (copied > 0) {
    await auditLog(db).write(
      { actorId: session.staff.id, auditKey: session.auditKey },
      [{ action: 'contact-form.list-fields-copied', recordType: 'contactForm', detail: `${copied} forms` }],
      [],
      () => Promise.resolve(),
      new Date(),
    );
  }
  return copied;
}

function sameBox(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
