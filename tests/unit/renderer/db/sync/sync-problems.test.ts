import { describe, expect, it } from 'vitest';
import { missingChangesGraceMs, shortDeviceId } from '../../../../../shared/sync/missing-changes';
import { applyIncoming } from '../../../../../renderer/src/db/sync/sync-applier';
import { reportMissingChanges } from '../../../../../renderer/src/db/sync/missing-changes';
import { syncProblemRepository } from '../../../../../renderer/src/db/repositories/sync-problem-repository';
import { testSession } from '../test-session';
import { send, signInVisitorAt, twoComputers, type Computer } from '../sync-computers';

/**
 * What the manager is told of the sync server's doings: a document it altered (refused, never
 * applied) and changes it lost or held back (reported once the grace period has passed, closed
 * when they arrive), each listed until marked as seen, which is audited and keeps the problem.
 */

type Doc = { _id: string; _rev: string; d: string; n: number; c: string };
type RawMirror = {
  allDocs(options: { include_docs: true }): Promise<{ rows: { doc?: Doc }[] }>;
  put(doc: object): Promise<unknown>;
  remove(doc: Doc): Promise<unknown>;
};
const raw = (at: Computer) => at.mirror as unknown as RawMirror;

/** The front desk's documents in the office's copy of the server, in change order. */
async function deskDocuments(office: Computer, frontDesk: Computer): Promise<Doc[]> {
  const { rows } = await raw(office).allDocs({ include_docs: true });
  return rows
    .flatMap((row) => (row.doc && row.doc.d === frontDesk.device.deviceId ? [row.doc] : []))
    .sort((a, b) => a.n - b.n);
}

describe('sync problems for the manager', () => {
  it('lists a refused document newest first for the manager only, and marks it seen with an audit entry', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    await signInVisitorAt(frontDesk, 'Dawn Morris');
    await send(frontDesk, office, keys);
    const [target] = await deskDocuments(office, frontDesk);
    if (!target) throw new Error('nothing sent');
    await raw(office).put({ ...target, c: `${target.c.startsWith('A') ? 'B' : 'A'}${target.c.slice(1)}` });
    await applyIncoming(office.db, office.mirror, keys);

    const problems = syncProblemRepository(office.db);
    const listed = await problems.listForManager(office.session);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      message: 'A document on the sync server was changed after the computer that wrote it signed it.',
      computer: `computer ${shortDeviceId(frontDesk.device.deviceId)}`,
    });
    expect(await problems.countOpen(office.session)).toBe(1);

    // A newer problem is listed first.
    const newer = new Date(Date.now() + 60_000).toISOString();
    await office.db.syncProblems.put({
      id: 'later',
      at: newer,
      documentId: 'e-later',
      reason: 'unknown-device',
      message: 'Later.',
    });
    expect((await problems.listForManager(office.session)).map((problem) => problem.id)).toEqual([
      'later',
      listed[0]?.id,
    ]);

    // Not the care worker's to see or mark.
    const careWorker = await testSession(['careStaff']);
    expect(await problems.listForManager(careWorker)).toEqual([]);
    expect(await problems.countOpen(careWorker)).toBe(0);
    const refused = await problems.markSeen(careWorker, 'later');
    expect(refused.ok).toBe(false);
    expect((await office.db.syncProblems.get('later'))?.seenAt).toBeUndefined();

    const marked = await problems.markSeen(office.session, 'later');
    expect(marked.ok).toBe(true);
    const kept = await office.db.syncProblems.get('later');
    expect(kept?.seenAt).toBeDefined();
    expect(kept?.seenById).toBe(office.session.staff.id);
    expect((await problems.listForManager(office.session)).map((problem) => problem.id)).toEqual([
      listed[0]?.id,
    ]);
    expect(await problems.countOpen(office.session)).toBe(1);
    const audited = await office.db.audit.where('action').equals('sync.problem-acknowledged').toArray();
    expect(audited.map((entry) => [entry.recordId, entry.actorId])).toEqual([
      ['later', office.session.staff.id],
    ]);
    // Never deleted.
    expect(await office.db.syncProblems.count()).toBe(2);
    expect((await problems.markSeen(office.session, 'nothing-like-it')).ok).toBe(false);
  });

  it('reports changes the server deleted once the grace period has passed, and closes it when they arrive', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    for (const name of ['Dawn Morris', 'Sam Okafor', 'Ann Lee']) await signInVisitorAt(frontDesk, name);
    await send(frontDesk, office, keys);
    const docs = await deskDocuments(office, frontDesk);
    const deleted = docs[Math.floor(docs.length / 2)];
    if (!deleted || docs.length < 3) throw new Error('too few documents');
    await raw(office).remove(deleted);
    await applyIncoming(office.db, office.mirror, keys);

    const start = new Date();
    await reportMissingChanges(office.db, { clock: () => start });
    const problems = syncProblemRepository(office.db);
    // Replication may just be behind: nothing said yet.
    expect(await problems.listForManager(office.session)).toEqual([]);
    await reportMissingChanges(office.db, {
      clock: () => new Date(start.getTime() + missingChangesGraceMs - 1),
    });
    expect(await problems.countOpen(office.session)).toBe(0);

    const later = new Date(start.getTime() + missingChangesGraceMs);
    await reportMissingChanges(office.db, { clock: () => later });
    const desk = `computer ${shortDeviceId(frontDesk.device.deviceId)}`;
    expect(await problems.listForManager(office.session)).toEqual([
      {
        id: `missing:${frontDesk.device.deviceId}:${deleted.n}-${deleted.n}`,
        at: later.toISOString(),
        computer: desk,
        message: `Records from ${desk} are missing (change ${deleted.n}).`,
      },
    ]);
    // Once the registry has named the front desk, the problem is told with its name.
    await office.db.syncPeers.update(frontDesk.device.deviceId, { name: 'Front desk' });
    expect(await problems.listForManager(office.session)).toMatchObject([
      { computer: 'Front desk', message: `Records from Front desk are missing (change ${deleted.n}).` },
    ]);
    // Reported once, for the next sign-in to chain into the audit log.
    await reportMissingChanges(office.db, { clock: () => later });
    expect(await office.db.syncProblems.count()).toBe(1);
    const pending = await office.db.pendingAudit.toArray();
    expect(pending.filter((row) => row.action === 'sync.records-missing')).toHaveLength(1);

    // The document comes back: applied, and the problem closes itself (kept, no longer listed).
    const { _rev: _unused, ...original } = deleted;
    await raw(office).put(original);
    await applyIncoming(office.db, office.mirror, keys);
    await reportMissingChanges(office.db, { clock: () => later });
    expect(await problems.listForManager(office.session)).toEqual([]);
    const [closed] = await office.db.syncProblems.toArray();
    expect(closed?.closedAt).toBe(later.toISOString());
  });

  it('does not report again what is left of a gap the manager has seen', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    for (const name of ['Dawn Morris', 'Sam Okafor', 'Ann Lee', 'Joe Bloggs'])
      await signInVisitorAt(frontDesk, name);
    await send(frontDesk, office, keys);
    const docs = await deskDocuments(office, frontDesk);
    const withheld = docs.slice(1, -1);
    if (withheld.length < 2) throw new Error('too few documents');
    for (const doc of withheld) await raw(office).remove(doc);
    await applyIncoming(office.db, office.mirror, keys);
    const start = new Date();
    await reportMissingChanges(office.db, { clock: () => start });
    const later = new Date(start.getTime() + missingChangesGraceMs);
    await reportMissingChanges(office.db, { clock: () => later });
    const problems = syncProblemRepository(office.db);
    const [reported] = await problems.listForManager(office.session);
    expect(reported?.message).toContain(`(changes ${withheld[0]?.n} to ${withheld.at(-1)?.n})`);
    if (!reported) throw new Error('not reported');
    expect((await problems.markSeen(office.session, reported.id)).ok).toBe(true);

    // The first of them arrives: what is left is still missing, but the manager knows.
    const first = withheld[0];
    if (!first) throw new Error('none withheld');
    const { _rev: _unused, ...original } = first;
    await raw(office).put(original);
    await applyIncoming(office.db, office.mirror, keys);
    await reportMissingChanges(office.db, { clock: () => later });
    expect(await problems.listForManager(office.session)).toEqual([]);
    const rows = await office.db.syncProblems.toArray();
    expect(
      rows.map((row) => [row.n, row.to, row.closedAt === undefined, row.seenAt !== undefined]).sort(),
    ).toEqual(
      [
        [withheld[0]?.n, withheld.at(-1)?.n, false, true],
        [withheld[1]?.n, withheld.at(-1)?.n, true, true],
      ].sort(),
    );
  });

  it('notices a withheld last change from what another computer says it saw', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    await signInVisitorAt(frontDesk, 'Dawn Morris');
    await send(frontDesk, office, keys);
    await applyIncoming(office.db, office.mirror, keys);
    // The office's next change carries its seen vector, which names the front desk's last change:
    // what any computer receiving it learns the front desk wrote, whether or not the server brings it.
    await signInVisitorAt(office, 'Sam Okafor');
    const sawUpTo = (await deskDocuments(office, frontDesk)).at(-1)?.n ?? 0;
    await send(office, frontDesk, keys);
    await applyIncoming(frontDesk.db, frontDesk.mirror, keys);
    const announced = (await frontDesk.db.syncState.get('announced'))?.value as Record<string, number>;
    expect(announced[office.device.deviceId]).toBeGreaterThan(0);
    expect(announced[frontDesk.device.deviceId]).toBe(sawUpTo);
    // A computer's own changes are never missing from itself.
    const later = new Date(Date.now() + missingChangesGraceMs);
    await reportMissingChanges(frontDesk.db, { clock: () => later });
    expect(await frontDesk.db.syncProblems.count()).toBe(0);
  });
});
