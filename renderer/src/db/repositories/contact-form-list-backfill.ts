import { fail } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { contactFormCodec } from './contact-form-codec';

const chunkSize = 500;
const running = new WeakMap<FamilyLinksDb, Promise<number>>();

/**
 * Forms stored before their list fields were plain (marked by migration 0011) are opened and
 * stored again with those fields beside the sealed part, a chunk at a time, so the list can read
 * them by index. The content does not change. Each row is written only if nobody changed it in
 * the meantime (same sealed box), so an edit made meanwhile is never overwritten: it was stored
 * with the fields already. Each chunk is one audited write. Runs once per database while the app
 * is open; later calls wait for the same run. Resolves with how many forms were re-stored.
 */
export function copyContactFormListFields(db: FamilyLinksDb, session: Session): Promise<number> {
  const existing = running.get(db);
  if (existing) return existing;
  const run = copyAll(db, session).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

async function copyAll(db: FamilyLinksDb, session: Session): Promise<number> {
  const store = sealedStore(db.contactForms, contactFormCodec);
  const records = recordWriter(db);
  const changedMeanwhile = fail('changed', 'A form was saved while its list fields were being copied.');
  let copied = 0;
  for (;;) {
    const rows = await db.contactForms.where('listFieldsPending').equals(1).limit(chunkSize).toArray();
    if (rows.length === 0) break;
    const opened = await Promise.all(
      rows.map(async (row) => ({ row, form: await contactFormCodec.decode(row, session.cipher) })),
    );
    // A form saved meanwhile refuses the chunk; it was stored with its fields, so the next read
    // leaves it out and the rest of the chunk is copied then.
    const written = await records.write(session, {
      events: [
        {
          action: 'contact-form.list-fields-copied',
          recordType: 'contactForm',
          detail: `${rows.length} forms`,
        },
      ],
      writes: opened.map(({ row, form }) => store.replace(row, form, changedMeanwhile)),
    });
    if (written.ok) copied += rows.length;
  }
  return copied;
}
