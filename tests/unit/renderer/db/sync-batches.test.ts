import { describe, expect, it } from 'vitest';
import { pumpChanges } from '../../../../renderer/src/db/sync/sync-pump';
import { applyIncoming, seenVector, type MirrorReader } from '../../../../renderer/src/db/sync/sync-applier';
import { readWaitingMarks } from '../../../../renderer/src/db/sync/audit-entries-applied';
import { visitorLogRepository } from '../../../../renderer/src/db/repositories/visitor-log-repository';
import { signInVisitorAt, twoComputers, type Computer, type MirrorDb } from './sync-computers';

/**
 * The applier reads and opens the next page of the mirror's feed while it writes the one before
 * (more than one page here: the applier's page is 500 documents), and when audit entries held
 * after a gap are completed by a later page it reads the feed again from the start.
 */

const visitors = 260;

async function signInMany(at: Computer): Promise<string[]> {
  const names: string[] = [];
  for (let index = 0; index < visitors; index += 1) {
    const name = `Visitor ${String(index).padStart(3, '0')}`;
    await signInVisitorAt(at, name);
    names.push(name);
  }
  return names;
}

type StoredDoc = { _id: string; _rev: string; n: number };

/** Copies the sender's documents into the receiver's mirror in the given order, as a server might serve them. */
async function serveInOrder(from: MirrorDb, to: MirrorDb, order: (docs: StoredDoc[]) => StoredDoc[]) {
  const all = (
    await (
      from as unknown as {
        allDocs(options: { include_docs: true }): Promise<{ rows: { doc: StoredDoc }[] }>;
      }
    ).allDocs({ include_docs: true })
  ).rows.map((row) => row.doc);
  // One request: the receiving mirror numbers its changes in the order given.
  await (
    to as unknown as { bulkDocs(docs: object[], options: { new_edits: false }): Promise<unknown> }
  ).bulkDocs(order(all), { new_edits: false });
  return all.length;
}

/** The changes numbered up to `late` (the first sign-ins and their audit entries), and those after. */
const late = 5;
const upTo = (n: number) => (doc: StoredDoc) => doc.n <= n;
const after = (n: number) => (doc: StoredDoc) => doc.n > n;

const auditFrom = (writer: Computer, at: Computer) =>
  at.db.audit.where('deviceId').equals(writer.device.deviceId).count();

/** The mirror's feed, counting the pages asked of it. */
function countingPages(mirror: MirrorDb) {
  let pages = 0;
  const reader: MirrorReader = {
    changes: (options) => {
      pages += 1;
      return mirror.changes(options);
    },
  };
  return { reader, read: () => pages };
}

const onSiteAt = async (at: Computer) =>
  (await visitorLogRepository(at.db, at.session.cipher).onSite()).map((entry) => entry.visitorName).sort();

describe('applying more than one page of the feed', () => {
  it('applies every page, once, whatever the read ahead', { timeout: 120_000 }, async () => {
    const { keys, frontDesk, office } = await twoComputers();
    const names = await signInMany(frontDesk);
    const sent = await pumpChanges(frontDesk.db, frontDesk.mirror, keys, frontDesk.device);
    expect(sent).toBeGreaterThan(500);
    await frontDesk.mirror.replicate.to(office.mirror);

    const outcome = await applyIncoming(office.db, office.mirror, keys);
    expect(outcome.refused).toBe(0);
    expect(outcome.applied + outcome.held).toBe(sent);
    expect(await onSiteAt(office)).toEqual(names);
    expect(await auditFrom(frontDesk, office)).toBe(await frontDesk.db.audit.count());
    expect((await seenVector(office.db))[frontDesk.device.deviceId]).toBe(sent);
    expect((await applyIncoming(office.db, office.mirror, keys)).applied).toBe(0);
  });

  it(
    'a gap filled by a later page: the entries held behind it are applied in the same pass',
    { timeout: 120_000 },
    async () => {
      const { keys, frontDesk, office } = await twoComputers();
      const names = await signInMany(frontDesk);
      const sent = await pumpChanges(frontDesk.db, frontDesk.mirror, keys, frontDesk.device);
      // The first few changes (the first sign-ins and their audit entries) reach the server last.
      await serveInOrder(frontDesk.mirror, office.mirror, (docs) => [
        ...docs.filter(after(late)),
        ...docs.filter(upTo(late)),
      ]);
      const pages = countingPages(office.mirror);

      const outcome = await applyIncoming(office.db, pages.reader, keys);
      expect(outcome.refused).toBe(0);
      expect(await onSiteAt(office)).toEqual(names);
      expect(await auditFrom(frontDesk, office)).toBe(await frontDesk.db.audit.count());
      expect(await readWaitingMarks(office.db)).toEqual({});
      expect((await seenVector(office.db))[frontDesk.device.deviceId]).toBe(sent);
      // Two pages and the empty read that ends the pass: the feed was not read again from the start.
      expect(pages.read()).toBe(3);
    },
  );

  it(
    'a gap filled on a later pass: the feed is read again and the held entries applied',
    { timeout: 120_000 },
    async () => {
      const { keys, frontDesk, office } = await twoComputers();
      const names = await signInMany(frontDesk);
      await pumpChanges(frontDesk.db, frontDesk.mirror, keys, frontDesk.device);
      await serveInOrder(frontDesk.mirror, office.mirror, (docs) => docs.filter(after(late)));
      const first = await applyIncoming(office.db, office.mirror, keys);
      expect(first.held).toBeGreaterThan(0);
      expect(await auditFrom(frontDesk, office)).toBe(0);
      expect(Object.keys(await readWaitingMarks(office.db))).toEqual([frontDesk.device.deviceId]);

      await serveInOrder(frontDesk.mirror, office.mirror, (docs) => docs.filter(upTo(late)));
      await applyIncoming(office.db, office.mirror, keys);
      expect(await onSiteAt(office)).toEqual(names);
      expect(await auditFrom(frontDesk, office)).toBe(await frontDesk.db.audit.count());
      expect(await readWaitingMarks(office.db)).toEqual({});
    },
  );
});
