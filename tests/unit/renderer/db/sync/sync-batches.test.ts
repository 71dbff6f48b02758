import { describe, expect, it } from 'vitest';
import { pumpChanges } from '../../../../../renderer/src/db/sync/sync-pump';
import {
  applyIncoming,
  seenVector,
  type ApplierOptions,
  type MirrorReader,
} from '../../../../../renderer/src/db/sync/sync-applier';
import { readWaitingMarks } from '../../../../../renderer/src/db/sync/audit-entries-applied';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { signInVisitorAt, twoComputers, type Computer, type MirrorDb } from '../sync-computers';

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

/** The mirror's feed, counting the pages asked of it and noting where each began. */
function countingPages(mirror: MirrorDb) {
  const since: unknown[] = [];
  const reader: MirrorReader = {
    changes: (options) => {
      since.push(options.since);
      return mirror.changes(options);
    },
  };
  return { reader, read: () => since.length, since: () => since };
}

const onSiteAt = async (at: Computer) =>
  (await visitorLogRepository(at.db, at.session.cipher).onSite()).map((entry) => entry.visitorName).sort();

/**
 * The front desk signs many visitors in; its first few changes (the first sign-ins and their audit
 * entries) reach the office's server last; the office applies the feed once, with `options`. Checks
 * that everything was applied whole, and gives back the pages the applier read.
 */
async function firstChangesServedLast(options: ApplierOptions = {}) {
  const { keys, frontDesk, office } = await twoComputers();
  const names = await signInMany(frontDesk);
  const sent = await pumpChanges(frontDesk.db, frontDesk.mirror, keys, frontDesk.device);
  await serveInOrder(frontDesk.mirror, office.mirror, (docs) => [
    ...docs.filter(after(late)),
    ...docs.filter(upTo(late)),
  ]);
  const pages = countingPages(office.mirror);
  const outcome = await applyIncoming(office.db, pages.reader, keys, options);
  expect(outcome.refused).toBe(0);
  expect(await onSiteAt(office)).toEqual(names);
  expect(await auditFrom(frontDesk, office)).toBe(await frontDesk.db.audit.count());
  expect(await readWaitingMarks(office.db)).toEqual({});
  expect((await seenVector(office.db))[frontDesk.device.deviceId]).toBe(sent);
  return { pages, keys, office };
}

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
      const { pages } = await firstChangesServedLast();
      // Two pages and the empty read that ends the pass: the feed was not read again from the start.
      expect(pages.read()).toBe(3);
    },
  );

  it(
    'past the most carried, the entries held behind a gap wait on disk and the feed is read again',
    { timeout: 120_000 },
    async () => {
      // The first page holds hundreds of audit entries behind the gap: more than 20 are not kept open.
      const { pages, keys, office } = await firstChangesServedLast({ carriedMost: 20 });
      // Not carried to the second page: the feed was read again from the start (as often as a later
      // page filled a gap; with every held entry carried, as below the most, it is read once).
      const fromTheStart = pages.since().filter((since) => since === 0).length;
      expect(fromTheStart).toBeGreaterThan(1);
      expect(pages.read()).toBe(3 * fromTheStart);
      // Nothing was applied twice: a pass now finds nothing new.
      expect(await applyIncoming(office.db, office.mirror, keys)).toMatchObject({ applied: 0, held: 0 });
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
